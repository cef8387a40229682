package org.opencentral.core.provisioning;

import java.util.Objects;
import java.util.Optional;

/**
 * A CA certificate of an X.509 enrollment group. It signs device certificates only once
 * {@code verified} (proof of possession: the holder signed a certificate whose subject CN is the
 * {@code verificationCode} handed out last).
 */
public record SigningCertificate(String certificate, String sha1Thumbprint, boolean verified,
        Optional<String> verificationCode, String etag) {
    public SigningCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(sha1Thumbprint, "sha1Thumbprint");
        Objects.requireNonNull(verificationCode, "verificationCode");
        Objects.requireNonNull(etag, "etag");
    }

    public SigningCertificate withVerificationCode(String code, String nextEtag) {
        return new SigningCertificate(certificate, sha1Thumbprint, verified, Optional.of(code), nextEtag);
    }

    public SigningCertificate asVerified(String nextEtag) {
        return new SigningCertificate(certificate, sha1Thumbprint, true, Optional.empty(), nextEtag);
    }
}
