package org.opencentral.core.device;

import java.security.SecureRandom;
import java.util.Base64;
import org.opencentral.core.DomainException;

/** A device's primary and secondary SAS keys, base64 of at least 16 and at most 64 bytes each. */
public record SymmetricKeys(String primaryKey, String secondaryKey) {
    private static final SecureRandom RANDOM = new SecureRandom();

    public SymmetricKeys {
        requireKey("primaryKey", primaryKey);
        requireKey("secondaryKey", secondaryKey);
    }

    /** Two fresh 256-bit keys. */
    public static SymmetricKeys generate() {
        return new SymmetricKeys(randomKey(), randomKey());
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static void requireKey(String name, String key) {
        byte[] decoded;
        try {
            decoded = key == null ? new byte[0] : Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(name + " is not valid base64");
        }
        if (decoded.length < 16 || decoded.length > 64) {
            throw DomainException.badRequest(name + " must be base64 of 16 to 64 bytes");
        }
    }

    @Override
    public String toString() {
        return "SymmetricKeys[redacted]";
    }
}
