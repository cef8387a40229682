package org.opencentral.core.provisioning;

import java.util.Locale;
import org.opencentral.core.DomainException;

/** Which of a credential's two certificate slots: {@code primary} or {@code secondary}. */
public enum CertificateEntry {
    PRIMARY, SECONDARY;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CertificateEntry of(String text) {
        return switch (text) {
            case "primary" -> PRIMARY;
            case "secondary" -> SECONDARY;
            default -> throw DomainException.badRequest("certificate entry must be 'primary' or 'secondary'");
        };
    }
}
