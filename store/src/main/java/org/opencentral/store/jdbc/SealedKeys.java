package org.opencentral.store.jdbc;

import java.util.Objects;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.secret.SecretCipher;

/**
 * Symmetric keys as they are stored: each key sealed by the {@link SecretCipher}, bound to its
 * owner (for example {@code device/thermostat-1}) and slot, so a value moved to another row or
 * from primary to secondary does not open. A value still in plaintext (written before keys were
 * sealed, until {@link SecretsAtRest} re-seals it) is read as it is.
 */
final class SealedKeys {
    static final String PRIMARY = "primaryKey";
    static final String SECONDARY = "secondaryKey";

    private final SecretCipher cipher;

    SealedKeys(SecretCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /** The owner of a device's keys. */
    static String device(String id) {
        return "device/" + id;
    }

    /** The owner of an enrollment group's keys. */
    static String enrollmentGroup(String id) {
        return "enrollmentGroup/" + id;
    }

    /** The owner of an individual enrollment's keys. */
    static String deviceAttestation(String id) {
        return "deviceAttestation/" + id;
    }

    String sealPrimary(SymmetricKeys keys, String owner) {
        return seal(keys.primaryKey(), owner, PRIMARY);
    }

    String sealSecondary(SymmetricKeys keys, String owner) {
        return seal(keys.secondaryKey(), owner, SECONDARY);
    }

    SymmetricKeys open(String primary, String secondary, String owner) {
        return new SymmetricKeys(openSlot(primary, owner, PRIMARY), openSlot(secondary, owner, SECONDARY));
    }

    String seal(String key, String owner, String slot) {
        return cipher.seal(key, context(owner, slot));
    }

    String openSlot(String stored, String owner, String slot) {
        return cipher.isSealed(stored) ? cipher.open(stored, context(owner, slot)) : stored;
    }

    boolean isSealed(String stored) {
        return cipher.isSealed(stored);
    }

    private static String context(String owner, String slot) {
        return owner + "#" + slot;
    }
}
