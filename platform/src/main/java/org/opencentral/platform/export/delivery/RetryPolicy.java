package org.opencentral.platform.export.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * How a destination that refuses is retried: after {@code first}, doubling up to {@code longest}
 * between attempts, for {@code giveUpAfter} (IoT Central's 15 minutes); then the destination is in
 * error and rechecked every {@code recheck} until it accepts again.
 */
public record RetryPolicy(Duration first, Duration longest, Duration giveUpAfter, Duration recheck) {
    public static final RetryPolicy DEFAULTS = new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1),
            Duration.ofMinutes(15), Duration.ofMinutes(5));

    public RetryPolicy {
        positive("first", first);
        positive("longest", longest);
        positive("giveUpAfter", giveUpAfter);
        positive("recheck", recheck);
        if (longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("the longest retry interval is shorter than the first");
        }
    }

    /** The pause after the {@code attempt}-th failure in a row (1 for the first). */
    public Duration backoff(int attempt) {
        Duration pause = first;
        for (int i = 1; i < attempt && pause.compareTo(longest) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(longest) > 0 ? longest : pause;
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
