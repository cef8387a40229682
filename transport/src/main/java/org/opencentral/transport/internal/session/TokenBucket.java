package org.opencentral.transport.internal.session;

import java.util.function.LongSupplier;

/**
 * A token bucket that may go into debt: {@link #take()} always takes a token and answers how long
 * the owner should wait before the balance is positive again. Not thread-safe (one event loop).
 */
public final class TokenBucket {
    private static final double NANOS_PER_SECOND = 1e9;

    private final double tokensPerNano;
    private final double capacity;
    private final LongSupplier nanoTime;
    private double tokens;
    private long last;

    /** {@code perSecond == 0} means unlimited. */
    public TokenBucket(double perSecond, int burst, LongSupplier nanoTime) {
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.capacity = burst;
        this.nanoTime = nanoTime;
        this.tokens = burst;
        this.last = nanoTime.getAsLong();
    }

    /** Takes one token; returns 0 when it was available, else the nanoseconds until the debt is repaid. */
    public long take() {
        if (tokensPerNano == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * tokensPerNano);
        last = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / tokensPerNano);
    }
}
