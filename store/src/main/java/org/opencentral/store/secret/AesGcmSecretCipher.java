package org.opencentral.store.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.secret.SecretCipherException;

/**
 * AES-256-GCM with a random 96-bit nonce per value and the context as associated data. A sealed
 * value is {@code enc1:} followed by base64 of nonce (12 bytes), ciphertext and tag (16 bytes); the
 * version prefix leaves room for another algorithm or key later. The key never leaves this object.
 */
public final class AesGcmSecretCipher implements SecretCipher {
    /** The length of the key in bytes (AES-256). */
    public static final int KEY_BYTES = 32;
    static final String PREFIX = "enc1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private AesGcmSecretCipher(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the secret key must be " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher over {@code key} (32 bytes; copied). */
    public static AesGcmSecretCipher of(byte[] key) {
        return new AesGcmSecretCipher(Objects.requireNonNull(key, "key").clone());
    }

    /** A fresh random key, for example to write a new key file. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A cipher over a fresh random key that nobody else knows: for tests and throw-away stores. */
    public static AesGcmSecretCipher random() {
        byte[] key = newKey();
        try {
            return new AesGcmSecretCipher(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public String seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
            return PREFIX + Base64.getEncoder().withoutPadding().encodeToString(out.array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    @Override
    public String open(String sealed, String context) {
        if (!isSealed(sealed)) {
            throw new SecretCipherException("the stored secret of " + context + " is not in the sealed form");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new SecretCipherException("the stored secret of " + context + " is not valid base64");
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretCipherException("the stored secret of " + context + " is truncated");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(bytes, NONCE_BYTES), context);
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretCipherException("the stored secret of " + context
                    + " does not open: it was altered, belongs to another record, or was sealed with another key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable in this JVM", e);
        }
    }

    @Override
    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    @Override
    public String toString() {
        return "AesGcmSecretCipher[key redacted]";
    }
}
