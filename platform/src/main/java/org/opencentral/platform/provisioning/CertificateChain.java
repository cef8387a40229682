package org.opencentral.platform.provisioning;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** A presented chain, leaf first (as TLS delivers it). */
public record CertificateChain(List<X509Certificate> certificates) {
    public CertificateChain {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a chain has at least one certificate");
        }
    }

    public X509Certificate leaf() {
        return certificates.getFirst();
    }

    public Optional<String> commonName() {
        return Certificates.commonName(leaf());
    }

    public String thumbprint() {
        return Certificates.thumbprint(leaf());
    }

    public boolean leafValidAt(Instant now) {
        try {
            leaf().checkValidity(Date.from(now));
            return true;
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        }
    }

    /**
     * Whether the chain leads to {@code ca}: the leaf, or an intermediate the chain links up to
     * signature by signature, was issued by it (or is it).
     */
    public boolean chainsTo(X509Certificate ca) {
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate current = certificates.get(i);
            if (i > 0 && current.equals(ca) || Certificates.issuedBy(current, ca)) {
                return true;
            }
            if (i + 1 < certificates.size() && !Certificates.issuedBy(current, certificates.get(i + 1))) {
                return false;
            }
        }
        return false;
    }
}
