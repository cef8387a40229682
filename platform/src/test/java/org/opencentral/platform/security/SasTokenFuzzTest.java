package org.opencentral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing (Jazzer) of the SAS token parser as the device authenticator, the DPS
 * attestor and the API token service use it: {@link SasToken#parse} answers empty for anything that
 * is not a token and never throws; a parsed token's resource decodes and its signature check answers
 * true or false, never an exception (and never true under a key that signed nothing). The seed corpus is in {@code SasTokenFuzzTestInputs/parse/}.
 */
class SasTokenFuzzTest {
    /** No seed is signed with this key (they are signed with {@code 0123456789abcdef0123456789abcdef}). */
    private static final String FOREIGN_KEY = Base64.getEncoder().encodeToString(
            "a key that signed none of the seeds".getBytes(StandardCharsets.US_ASCII));

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse(byte[] input) {
        Optional<SasToken> parsed = SasToken.parse(new String(input, StandardCharsets.UTF_8));
        parsed.ifPresent(token -> {
            assertThat(token.resource()).isNotEmpty();
            assertThat(token.decodedResource()).isNotNull();
            assertThat(token.isSignedWith(FOREIGN_KEY)).as("no input verifies under a key nobody signed with").isFalse();
        });
    }
}
