package org.opencentral.api.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.platform.provisioning.DeviceAttestations;

/**
 * The {@code x509} member of a device's DeviceCredentials ({@code clientCertificates.primary|secondary}
 * with {@code certificate} and {@code info.sha1Thumbprint}) when its individual enrollment is X.509.
 */
public final class X509Credentials {
    private final DeviceAttestations attestations;

    public X509Credentials(DeviceAttestations attestations) {
        this.attestations = attestations;
    }

    public Optional<ObjectNode> of(DeviceId id) {
        return attestations.get(id) instanceof DeviceAttestation.X509 x509
                ? Optional.of((ObjectNode) AttestationJson.write(x509).path("x509"))
                : Optional.empty();
    }
}
