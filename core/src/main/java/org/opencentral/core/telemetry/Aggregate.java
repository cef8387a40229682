package org.opencentral.core.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * Aggregates of the numeric values of one series over one bucket or window: {@code first} and
 * {@code last} are the values with the earliest and the latest time. Only numbers are aggregated.
 */
public record Aggregate(long count, double sum, double min, double max, Instant firstTime, double first,
        Instant lastTime, double last) {
    public Aggregate {
        if (count < 1) {
            throw new IllegalArgumentException("an aggregate covers at least one value");
        }
        Objects.requireNonNull(firstTime, "firstTime");
        Objects.requireNonNull(lastTime, "lastTime");
    }

    public double average() {
        return sum / count;
    }
}
