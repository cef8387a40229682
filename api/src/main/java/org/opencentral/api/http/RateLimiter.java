package org.opencentral.api.http;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.api.RateLimit;

/**
 * A token bucket per caller (API token, user, or client address for anonymous calls): refills at
 * {@code perSecond}, holds at most {@code burst}. In memory, per node.
 */
public final class RateLimiter {
    private final RateLimit limit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(RateLimit limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Takes one token; empty when allowed, else the seconds to wait (for {@code Retry-After}). */
    public Optional<Long> acquire(String caller) {
        Bucket bucket = buckets.computeIfAbsent(caller, k -> new Bucket(limit.burst(), clock.millis()));
        synchronized (bucket) {
            long now = clock.millis();
            bucket.tokens = Math.min(limit.burst(), bucket.tokens + (now - bucket.at) * limit.perSecond() / 1000.0);
            bucket.at = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Optional.empty();
            }
            return Optional.of((long) Math.ceil((1 - bucket.tokens) / limit.perSecond()));
        }
    }

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }
}
