package org.opencentral.core.provisioning;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.SymmetricKeys;

/** How one device proves who it is (an individual enrollment). */
public sealed interface DeviceAttestation {
    /** The device's own SAS keys. */
    record SymmetricKey(SymmetricKeys keys) implements DeviceAttestation {
        public SymmetricKey {
            Objects.requireNonNull(keys, "keys");
        }
    }

    /** The device's own certificates, matched by thumbprint. */
    record X509(ClientCertificate primary, Optional<ClientCertificate> secondary) implements DeviceAttestation {
        public X509 {
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(secondary, "secondary");
        }

        public boolean matches(String sha1Thumbprint) {
            return primary.sha1Thumbprint().equalsIgnoreCase(sha1Thumbprint)
                    || secondary.map(c -> c.sha1Thumbprint().equalsIgnoreCase(sha1Thumbprint)).orElse(false);
        }
    }
}
