package org.opencentral.core.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A half-open time range {@code [from, to)}. */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a time range must not end before it starts");
        }
    }

    /** The {@code length} before {@code end}: {@code WITHIN_WINDOW(P1D)} is {@code last(P1D, now)}. */
    public static TimeRange last(Duration length, Instant end) {
        return new TimeRange(end.minus(length), end);
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
