package org.opencentral.store.jdbc;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.secret.SecretCipher;

/**
 * Symmetric keys as they are stored: each key sealed by the {@link SecretCipher}, bound to its
 * owner (for example {@code device/thermostat-1}) and slot, so a value moved to another row or
 * from primary to secondary does not open. A value still in plaintext (written before keys were
 * sealed, until {@link SecretsAtRest} re-seals it) is read as it is.
 *
 * <p>Opened values are remembered by their context and sealed text, so a device that reconnects
 * (every CONNECT reads its row for the SAS check) costs no AES-GCM decryption the second time. No
 * entry can go stale: a changed key is sealed afresh (a new random nonce, so a new sealed text), and
 * a sealed text copied to another row or slot has another context, so it is opened, and refused, as
 * before. At most {@value #MAX_OPENED} values (a few tens of MB at most, two per device) are kept;
 * when that many are, the memory starts over empty.
 */
final class SealedKeys {
    static final String PRIMARY = "primaryKey";
    static final String SECONDARY = "secondaryKey";

    /** How many opened values are remembered at most. */
    static final int MAX_OPENED = 50_000;

    private final SecretCipher cipher;
    private final Map<Sealed, String> opened = new ConcurrentHashMap<>();

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
        if (!cipher.isSealed(stored)) {
            return stored;
        }
        Sealed sealed = new Sealed(context(owner, slot), stored);
        String plaintext = opened.get(sealed);
        if (plaintext == null) {
            plaintext = cipher.open(stored, sealed.context());
            if (opened.size() >= MAX_OPENED) {
                opened.clear();
            }
            opened.put(sealed, plaintext);
        }
        return plaintext;
    }

    /** Values opened and remembered (tests). */
    int remembered() {
        return opened.size();
    }

    boolean isSealed(String stored) {
        return cipher.isSealed(stored);
    }

    private static String context(String owner, String slot) {
        return owner + "#" + slot;
    }

    /** A sealed value with the context it must open under. */
    private record Sealed(String context, String value) {
    }
}
