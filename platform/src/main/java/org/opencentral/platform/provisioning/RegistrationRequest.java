package org.opencentral.platform.provisioning;

import java.util.Objects;
import java.util.Optional;

/**
 * One register call: the ID scope and registration id the device connected with, its credential,
 * the registration id in the body (must match) and {@code payload.modelId} if it sent one.
 */
public record RegistrationRequest(String idScope, String registrationId, RegistrationCredential credential,
        Optional<String> bodyRegistrationId, Optional<String> modelId) {
    public RegistrationRequest {
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(bodyRegistrationId, "bodyRegistrationId");
        Objects.requireNonNull(modelId, "modelId");
    }
}
