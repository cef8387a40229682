package org.opencentral.core.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * Aggregates of one capability for every device that has it, per window of {@code window} width
 * (aligned to the epoch: hours on the hour, days at midnight UTC) within {@code range}.
 */
public record WindowQuery(String component, String capability, TimeRange range, Duration window, Source source) {
    public WindowQuery {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(capability, "capability");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(source, "source");
        if (window.isNegative() || window.isZero() || window.toNanos() % 1_000 != 0) {
            throw new IllegalArgumentException("a window is a positive whole number of microseconds");
        }
    }

    public WindowQuery(String component, String capability, TimeRange range, Duration window) {
        this(component, capability, range, window, Source.AUTO);
    }
}
