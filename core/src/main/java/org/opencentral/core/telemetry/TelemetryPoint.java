package org.opencentral.core.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One value of one series at one time. Stores keep microseconds (finer digits are truncated) and
 * accept times from the epoch up to 2261 (what a signed 64-bit count of nanoseconds can hold).
 */
public record TelemetryPoint(SeriesKey series, Instant time, TelemetryValue value) {
    static final Instant LATEST = Instant.parse("2262-01-01T00:00:00Z");

    public TelemetryPoint {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(value, "value");
        if (time.isBefore(Instant.EPOCH) || !time.isBefore(LATEST)) {
            throw new IllegalArgumentException("telemetry time out of range: " + time);
        }
    }
}
