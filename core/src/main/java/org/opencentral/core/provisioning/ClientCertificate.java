package org.opencentral.core.provisioning;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/** A device's own X.509 certificate, known by its SHA-1 thumbprint (upper-case hex), and its text if given. */
public record ClientCertificate(Optional<String> certificate, String sha1Thumbprint) {
    private static final Pattern HEX = Pattern.compile("[0-9A-F]{40}");

    public ClientCertificate {
        Objects.requireNonNull(certificate, "certificate");
        sha1Thumbprint = sha1Thumbprint == null ? "" : sha1Thumbprint.replace(":", "").toUpperCase(Locale.ROOT);
        if (!HEX.matcher(sha1Thumbprint).matches()) {
            throw DomainException.badRequest("sha1Thumbprint must be 40 hexadecimal digits");
        }
    }
}
