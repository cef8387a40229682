package org.opencentral.core.provisioning;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.SymmetricKeys;

/** How devices of an enrollment group prove who they are. */
public sealed interface GroupAttestation {
    /** Group keys: a device's key is HMAC-SHA256(group key, registration id), base64. */
    record SymmetricKey(SymmetricKeys keys) implements GroupAttestation {
        public SymmetricKey {
            Objects.requireNonNull(keys, "keys");
        }
    }

    /** One or two CA certificates; device certificates must chain to a verified one. */
    record X509(Optional<SigningCertificate> primary, Optional<SigningCertificate> secondary)
            implements GroupAttestation {
        public static final X509 EMPTY = new X509(Optional.empty(), Optional.empty());

        public X509 {
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(secondary, "secondary");
        }

        public Optional<SigningCertificate> get(CertificateEntry entry) {
            return switch (entry) {
                case PRIMARY -> primary;
                case SECONDARY -> secondary;
            };
        }

        public X509 with(CertificateEntry entry, Optional<SigningCertificate> certificate) {
            return switch (entry) {
                case PRIMARY -> new X509(certificate, secondary);
                case SECONDARY -> new X509(primary, certificate);
            };
        }
    }
}
