package org.opencentral.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How data export retries a destination that refuses: for {@code retryFor} (IoT Central: 15 minutes),
 * then the destination is in error and rechecked every {@code recheckInterval}.
 */
public record ExportConfig(Duration retryFor, Duration recheckInterval) {
    public static final Duration DEFAULT_RETRY_FOR = Duration.ofMinutes(15);
    public static final Duration DEFAULT_RECHECK_INTERVAL = Duration.ofMinutes(5);

    public ExportConfig {
        positive("retryFor", retryFor);
        positive("recheckInterval", recheckInterval);
    }

    public static ExportConfig defaults() {
        return new ExportConfig(DEFAULT_RETRY_FOR, DEFAULT_RECHECK_INTERVAL);
    }

    private static void positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.toSeconds() < 1) {
            throw new IllegalArgumentException(name + " must be at least 1 s");
        }
    }
}
