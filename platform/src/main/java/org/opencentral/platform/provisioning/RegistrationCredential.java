package org.opencentral.platform.provisioning;

import java.util.Objects;

/** What a registering device presented: a SAS token (password or header) or a TLS client certificate chain. */
public sealed interface RegistrationCredential {
    record Sas(String token) implements RegistrationCredential {
        public Sas {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "Sas[redacted]";
        }
    }

    record Certificate(CertificateChain chain) implements RegistrationCredential {
        public Certificate {
            Objects.requireNonNull(chain, "chain");
        }
    }

    /** Neither: always refused. */
    record None() implements RegistrationCredential {
    }
}
