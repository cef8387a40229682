package org.opencentral.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesVerifyOnlyTheirPassword() {
        String hash = hasher.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hasher.verify("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", hash)).isFalse();
    }

    @Test
    void equalPasswordsGetDifferentSalts() {
        assertThat(hasher.hash("same password here")).isNotEqualTo(hasher.hash("same password here"));
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad : new String[] {"", "$argon2i$v=19$m=1,t=1,p=1$AA$AA", "$argon2id$v=19$m=x,t=1,p=1$AA$AA",
                "$argon2id$v=19$m=8,t=1,p=1$!!$AA", "plain"}) {
            assertThat(hasher.verify("pw", bad)).as(bad).isFalse();
        }
    }
}
