package org.opencentral.transport.internal.connect;

import java.util.Objects;
import java.util.Optional;

/**
 * A CONNECT to the DPS endpoint ({@code {idScope}/registrations/{registrationId}/api-version=…}).
 * Accepted at once: the credential (SAS password, or the TLS client certificate when there is
 * none) is checked on every register and status request, which answer in DPS's error form.
 */
public record ProvisioningConnect(String idScope, String registrationId, Optional<String> password,
        int keepAliveSeconds) implements ConnectValidation.Validated {
    public ProvisioningConnect {
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "ProvisioningConnect[" + idScope + "/" + registrationId + "]";
    }
}
