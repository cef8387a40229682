package org.opencentral.core.secret;

/**
 * Seals secrets that must stay recoverable (a device's SAS keys are handed out again by the
 * credentials endpoint) before they are stored, and opens them when they are read back.
 *
 * <p>Every value is bound to a {@code context}, the identity of the row and field it belongs to (for
 * example {@code device/thermostat-1#primaryKey}): a sealed value copied into another row or field
 * does not open. Implementations are thread-safe.
 */
public interface SecretCipher {
    /** The stored form of {@code plaintext}; a fresh nonce each time, so equal secrets seal differently. */
    String seal(String plaintext, String context);

    /**
     * The plaintext of a value made by {@link #seal} with the same key and {@code context}.
     *
     * @throws SecretCipherException when the value was altered, belongs to another context or was
     *                               sealed with another key
     */
    String open(String sealed, String context);

    /** Whether {@code stored} has the sealed form (anything else is a plaintext value from before sealing). */
    boolean isSealed(String stored);
}
