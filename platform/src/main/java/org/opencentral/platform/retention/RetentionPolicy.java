package org.opencentral.platform.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the application keeps telemetry and events (IoT Central keeps 30 days by default).
 * Data is removed in whole UTC days, so up to one day more than {@code keep} may remain.
 */
public record RetentionPolicy(Duration keep) {
    public static final RetentionPolicy DEFAULT = new RetentionPolicy(Duration.ofDays(30));

    public RetentionPolicy {
        Objects.requireNonNull(keep, "keep");
        if (keep.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least one day");
        }
    }
}
