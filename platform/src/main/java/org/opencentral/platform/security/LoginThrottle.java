package org.opencentral.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Back-off after failed sign-ins, per account and per client address (in memory, per node): after
 * {@value #FREE_FAILURES} failures, each further attempt must wait 30 s, doubling per failure up to
 * 15 minutes. A success clears the account's and the address's record. Failures older than
 * 15 minutes are forgotten.
 */
public final class LoginThrottle {
    static final int FREE_FAILURES = 5;
    private static final Duration BASE = Duration.ofSeconds(30);
    private static final Duration MAX = Duration.ofMinutes(15);

    private record Failures(int count, Instant last) {
    }

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long the caller must still wait before trying account {@code email} from {@code address}. */
    public Optional<Duration> blockedFor(String email, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : keys(email, address)) {
            Failures f = failures.get(key);
            if (f == null || f.count() < FREE_FAILURES) {
                continue;
            }
            Duration backoff = backoff(f.count());
            Duration left = Duration.between(now, f.last().plus(backoff));
            if (left.compareTo(wait) > 0) {
                wait = left;
            }
        }
        return wait.isPositive() ? Optional.of(wait) : Optional.empty();
    }

    public void failed(String email, String address) {
        Instant now = clock.instant();
        for (String key : keys(email, address)) {
            failures.compute(key, (k, f) -> f == null || Duration.between(f.last(), now).compareTo(MAX) > 0
                    ? new Failures(1, now) : new Failures(f.count() + 1, now));
        }
    }

    public void succeeded(String email, String address) {
        for (String key : keys(email, address)) {
            failures.remove(key);
        }
    }

    private static Duration backoff(int count) {
        int exponent = Math.min(count - FREE_FAILURES, 10);
        Duration d = BASE.multipliedBy(1L << exponent);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }

    private static String[] keys(String email, String address) {
        return new String[] {"account:" + email.strip().toLowerCase(java.util.Locale.ROOT), "address:" + address};
    }
}
