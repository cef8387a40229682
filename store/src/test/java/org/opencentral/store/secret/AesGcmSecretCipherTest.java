package org.opencentral.store.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.secret.SecretCipherException;

@Timeout(10)
class AesGcmSecretCipherTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String CONTEXT = "device/thermostat-1#primaryKey";

    private final AesGcmSecretCipher cipher = AesGcmSecretCipher.of(AesGcmSecretCipher.newKey());

    @Test
    void sealedValuesOpenWithTheSameKeyAndContext() {
        String sealed = cipher.seal(KEY, CONTEXT);

        assertThat(sealed).startsWith("enc1:").doesNotContain(KEY);
        assertThat(cipher.isSealed(sealed)).isTrue();
        assertThat(cipher.isSealed(KEY)).isFalse();
        assertThat(cipher.open(sealed, CONTEXT)).isEqualTo(KEY);
    }

    @Test
    void everySealingUsesAFreshNonce() {
        assertThat(cipher.seal(KEY, CONTEXT)).isNotEqualTo(cipher.seal(KEY, CONTEXT));
    }

    @Test
    void aTamperedValueDoesNotOpen() {
        byte[] bytes = Base64.getDecoder().decode(cipher.seal(KEY, CONTEXT).substring("enc1:".length()));
        bytes[20] ^= 1;
        String tampered = "enc1:" + Base64.getEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.open(tampered, CONTEXT)).isInstanceOf(SecretCipherException.class)
                .hasMessageContaining(CONTEXT).hasMessageContaining("altered");
    }

    @Test
    void aValueDoesNotOpenInAnotherContext() {
        String sealed = cipher.seal(KEY, CONTEXT);

        assertThatThrownBy(() -> cipher.open(sealed, "device/thermostat-2#primaryKey"))
                .isInstanceOf(SecretCipherException.class);
        assertThatThrownBy(() -> cipher.open(sealed, "device/thermostat-1#secondaryKey"))
                .isInstanceOf(SecretCipherException.class);
    }

    @Test
    void aValueDoesNotOpenWithAnotherKey() {
        String sealed = cipher.seal(KEY, CONTEXT);

        assertThatThrownBy(() -> AesGcmSecretCipher.random().open(sealed, CONTEXT))
                .isInstanceOf(SecretCipherException.class).hasMessageNotContaining(KEY);
    }

    @Test
    void malformedValuesAreClearErrors() {
        assertThatThrownBy(() -> cipher.open(KEY, CONTEXT)).isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("not in the sealed form");
        assertThatThrownBy(() -> cipher.open("enc1:%%%", CONTEXT)).isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> cipher.open("enc1:AAAA", CONTEXT)).isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void keysMustBe32Bytes() {
        assertThatThrownBy(() -> AesGcmSecretCipher.of(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the secret key must be 32 bytes, not 16");
    }

    @Test
    void theKeyIsNotPrinted() {
        assertThat(cipher).hasToString("AesGcmSecretCipher[key redacted]");
    }
}
