package org.opencentral.transport.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void burstIsFreeThenTheDebtTellsHowLongToWait() {
        TokenBucket bucket = new TokenBucket(10, 3, now::get);

        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isEqualTo(100_000_000L);
        assertThat(bucket.take()).isEqualTo(200_000_000L);

        now.addAndGet(300_000_000L);
        assertThat(bucket.take()).isZero();
    }

    @Test
    void refillIsCappedAtTheBurst() {
        TokenBucket bucket = new TokenBucket(1000, 2, now::get);
        now.addAndGet(60_000_000_000L);

        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isZero();
        assertThat(bucket.take()).isPositive();
    }

    @Test
    void zeroRateIsUnlimited() {
        TokenBucket bucket = new TokenBucket(0, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(bucket.take()).isZero();
        }
    }
}
