package org.opencentral.server.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of the query API ({@code POST /api/query}) that operators may change. IoT Central's
 * own are 350 characters, 10,000 telemetry rows, 1,000 property rows and no documented statement
 * time; ours default higher (see docs/query.md).
 *
 * @param maxLength        characters in a query's text
 * @param maxTelemetryRows rows a telemetry query returns: the cap on TOP and the default without it
 * @param maxPropertyRows  rows a property query returns, likewise
 * @param timeout          how long one telemetry statement may run before the database cancels it
 */
public record QueryConfig(int maxLength, int maxTelemetryRows, int maxPropertyRows, Duration timeout) {
    public static final int DEFAULT_MAX_LENGTH = 4_096;
    public static final int DEFAULT_MAX_TELEMETRY_ROWS = 100_000;
    public static final int DEFAULT_MAX_PROPERTY_ROWS = 10_000;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public QueryConfig {
        positive("maxLength", maxLength);
        positive("maxTelemetryRows", maxTelemetryRows);
        positive("maxPropertyRows", maxPropertyRows);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms");
        }
    }

    public static QueryConfig defaults() {
        return new QueryConfig(DEFAULT_MAX_LENGTH, DEFAULT_MAX_TELEMETRY_ROWS, DEFAULT_MAX_PROPERTY_ROWS,
                DEFAULT_TIMEOUT);
    }

    public QueryConfig withTimeout(Duration value) {
        return new QueryConfig(maxLength, maxTelemetryRows, maxPropertyRows, value);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
