package org.opencentral.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.secret.SecretCipherException;
import org.opencentral.store.secret.AesGcmSecretCipher;

/**
 * A device's keys are decrypted once, not at every read of its row (every CONNECT reads it), and
 * remembering them changes nothing else: a rotated key reads as the new one, a sealed value under
 * another row's or slot's context is still refused, and the memory is bounded.
 */
class SealedKeysTest {
    private final CountingCipher cipher = new CountingCipher(AesGcmSecretCipher.random());
    private final SealedKeys keys = new SealedKeys(cipher);

    @Test
    void aDeviceReadAgainCostsNoDecryption() {
        SymmetricKeys generated = SymmetricKeys.generate();
        String primary = keys.sealPrimary(generated, "device/d1");
        String secondary = keys.sealSecondary(generated, "device/d1");

        assertThat(keys.open(primary, secondary, "device/d1")).isEqualTo(generated);
        assertThat(keys.open(primary, secondary, "device/d1")).isEqualTo(generated);
        assertThat(cipher.opened).as("two keys, opened once each").hasValue(2);
    }

    @Test
    void aRotatedKeyIsSealedAfreshAndReadAsTheNewOne() {
        SymmetricKeys before = SymmetricKeys.generate();
        SymmetricKeys after = SymmetricKeys.generate();
        String sealedBefore = keys.sealPrimary(before, "device/d1");
        keys.openSlot(sealedBefore, "device/d1", SealedKeys.PRIMARY);

        String sealedAfter = keys.sealPrimary(after, "device/d1");

        assertThat(keys.openSlot(sealedAfter, "device/d1", SealedKeys.PRIMARY)).isEqualTo(after.primaryKey());
        assertThat(keys.openSlot(keys.sealPrimary(before, "device/d1"), "device/d1", SealedKeys.PRIMARY))
                .as("the same key sealed again opens too").isEqualTo(before.primaryKey());
    }

    @Test
    void aRememberedValueCopiedToAnotherDeviceOrSlotIsStillRefused() {
        String sealed = keys.sealPrimary(SymmetricKeys.generate(), "device/d1");
        keys.openSlot(sealed, "device/d1", SealedKeys.PRIMARY);

        assertThatThrownBy(() -> keys.openSlot(sealed, "device/d2", SealedKeys.PRIMARY))
                .isInstanceOf(SecretCipherException.class).hasMessageContaining("device/d2#primaryKey");
        assertThatThrownBy(() -> keys.openSlot(sealed, "device/d1", SealedKeys.SECONDARY))
                .isInstanceOf(SecretCipherException.class).hasMessageContaining("device/d1#secondaryKey");
        assertThatThrownBy(() -> keys.openSlot(sealed, "device/d2", SealedKeys.PRIMARY))
                .as("a refusal is not remembered").isInstanceOf(SecretCipherException.class);
    }

    @Test
    void plaintextFromAnOlderVersionIsReadAsItIsAndNotRemembered() {
        assertThat(keys.openSlot("plain-key", "device/d1", SealedKeys.PRIMARY)).isEqualTo("plain-key");
        assertThat(keys.remembered()).isZero();
        assertThat(cipher.opened).hasValue(0);
    }

    @Test
    void theMemoryIsBounded() {
        String key = SymmetricKeys.generate().primaryKey();
        for (int i = 0; i <= SealedKeys.MAX_OPENED; i++) {
            keys.openSlot(cipher.seal(key, "device/d" + i + "#" + SealedKeys.PRIMARY), "device/d" + i,
                    SealedKeys.PRIMARY);
        }
        assertThat(keys.remembered()).isBetween(1, SealedKeys.MAX_OPENED);
    }

    /** The real cipher, counting the values it opens. */
    private static final class CountingCipher implements SecretCipher {
        private final SecretCipher cipher;
        private final AtomicInteger opened = new AtomicInteger();

        CountingCipher(SecretCipher cipher) {
            this.cipher = cipher;
        }

        @Override
        public String seal(String plaintext, String context) {
            return cipher.seal(plaintext, context);
        }

        @Override
        public String open(String sealed, String context) {
            opened.incrementAndGet();
            return cipher.open(sealed, context);
        }

        @Override
        public boolean isSealed(String stored) {
            return cipher.isSealed(stored);
        }
    }
}
