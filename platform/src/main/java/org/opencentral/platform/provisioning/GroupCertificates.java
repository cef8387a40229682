package org.opencentral.platform.provisioning;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.stream.Stream;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.provisioning.SigningCertificate;
import org.opencentral.core.store.EnrollmentGroupStore;

/** Finds the X.509 enrollment group whose verified CA a certificate chain leads to. Blocking. */
final class GroupCertificates {
    private final EnrollmentGroupStore groups;

    GroupCertificates(EnrollmentGroupStore groups) {
        this.groups = groups;
    }

    Optional<EnrollmentGroup> groupOf(CertificateChain chain) {
        for (EnrollmentGroup group : groups.list()) {
            if (group.attestation() instanceof GroupAttestation.X509 x509 && signs(x509, chain)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    private static boolean signs(GroupAttestation.X509 x509, CertificateChain chain) {
        return Stream.of(x509.primary(), x509.secondary()).flatMap(Optional::stream)
                .filter(SigningCertificate::verified)
                .map(c -> parse(c.certificate()))
                .flatMap(Optional::stream)
                .anyMatch(chain::chainsTo);
    }

    private static Optional<X509Certificate> parse(String text) {
        try {
            return Optional.of(Certificates.parse(text));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
