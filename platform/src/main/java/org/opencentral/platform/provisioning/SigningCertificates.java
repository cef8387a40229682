package org.opencentral.platform.provisioning;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.provisioning.CertificateEntry;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.provisioning.SigningCertificate;

/**
 * The CA certificates of X.509 enrollment groups and their proof of possession: a verification
 * code is handed out, the CA's holder signs a certificate whose subject CN is that code, and
 * {@link #verify} checks both before marking the CA verified. Uploaded certificates start unverified.
 */
public final class SigningCertificates {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final EnrollmentGroupService groups;

    public SigningCertificates(EnrollmentGroupService groups) {
        this.groups = groups;
    }

    /** An unverified signing certificate from PEM or base64 DER text. */
    public static SigningCertificate unverified(String text) {
        X509Certificate certificate = Certificates.parse(text);
        return new SigningCertificate(text.strip(), Certificates.thumbprint(certificate), false, Optional.empty(),
                EnrollmentGroupService.newEtag());
    }

    public SigningCertificate get(String groupId, CertificateEntry entry) {
        return x509(groups.get(groupId)).get(entry).orElseThrow(() ->
                DomainException.notFound(entry.wire() + " certificate of enrollment group '" + groupId + "'"));
    }

    public SigningCertificate put(String groupId, CertificateEntry entry, String text) {
        SigningCertificate certificate = unverified(text);
        change(groupId, entry, Optional.of(certificate));
        return certificate;
    }

    public void delete(String groupId, CertificateEntry entry) {
        get(groupId, entry);
        change(groupId, entry, Optional.empty());
    }

    /** A fresh code for the proof of possession; it replaces any earlier one. */
    public String generateVerificationCode(String groupId, CertificateEntry entry) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String code = HexFormat.of().withUpperCase().formatHex(bytes);
        change(groupId, entry, Optional.of(get(groupId, entry)
                .withVerificationCode(code, EnrollmentGroupService.newEtag())));
        return code;
    }

    /** Marks the CA verified if {@code text} is signed by it and names the last verification code. */
    public SigningCertificate verify(String groupId, CertificateEntry entry, String text) {
        SigningCertificate ca = get(groupId, entry);
        X509Certificate proof = Certificates.parse(text);
        if (ca.verificationCode().isEmpty()
                || !Certificates.commonName(proof).equals(ca.verificationCode())) {
            throw DomainException.badRequest("the certificate's subject CN is not the current verification code");
        }
        if (!Certificates.issuedBy(proof, Certificates.parse(ca.certificate()))) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "the certificate is not signed by the group's CA");
        }
        SigningCertificate verified = ca.asVerified(EnrollmentGroupService.newEtag());
        change(groupId, entry, Optional.of(verified));
        return verified;
    }

    private void change(String groupId, CertificateEntry entry, Optional<SigningCertificate> certificate) {
        EnrollmentGroup group = groups.get(groupId);
        groups.update(group.withAttestation(x509(group).with(entry, certificate)), group.etag());
    }

    private static GroupAttestation.X509 x509(EnrollmentGroup group) {
        if (group.attestation() instanceof GroupAttestation.X509 x509) {
            return x509;
        }
        throw DomainException.badRequest("enrollment group '" + group.id() + "' is not an X.509 group");
    }
}
