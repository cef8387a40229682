package org.opencentral.api.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.telemetry.TimeRange;

/**
 * The query of a history call: {@code from} and {@code to} (ISO-8601 instants; by default the last
 * 30 minutes up to now) and {@code maxPoints} (1 to {@value #MAX_POINTS}; by default
 * {@value #DEFAULT_POINTS}). Invalid values answer 400 with the parameter named.
 */
public record HistoryRequest(TimeRange range, int maxPoints) {
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(30);
    public static final int DEFAULT_POINTS = 1_000;
    public static final int MAX_POINTS = 5_000;
    /** Stores keep times up to 2261 (see {@link org.opencentral.core.telemetry.TelemetryPoint}). */
    private static final Instant LATEST = Instant.parse("2262-01-01T00:00:00Z");

    public HistoryRequest {
        if (maxPoints < 1 || maxPoints > MAX_POINTS) {
            throw new IllegalArgumentException("maxPoints out of range: " + maxPoints);
        }
    }

    public static HistoryRequest parse(Optional<String> from, Optional<String> to, Optional<String> maxPoints,
            Instant now) {
        Instant end = to.map(v -> instant("to", v)).orElse(now);
        Instant start = from.map(v -> instant("from", v)).orElse(end.minus(DEFAULT_WINDOW));
        if (!start.isBefore(end)) {
            throw ApiError.badRequest("'from' (" + start + ") must be before 'to' (" + end + ")");
        }
        if (start.isBefore(Instant.EPOCH)) {
            throw ApiError.badRequest("'from' must not be before 1970-01-01T00:00:00Z");
        }
        if (end.isAfter(LATEST)) {
            throw ApiError.badRequest("'to' must not be after " + LATEST);
        }
        return new HistoryRequest(new TimeRange(start, end), maxPoints.map(HistoryRequest::points)
                .orElse(DEFAULT_POINTS));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + name + "' must be an ISO-8601 UTC time such as 2026-01-31T12:00:00Z, not '"
                    + value + "'");
        }
    }

    private static int points(String value) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("'maxPoints' must be a whole number, not '" + value + "'");
        }
        if (n < 1 || n > MAX_POINTS) {
            throw ApiError.badRequest("'maxPoints' must be between 1 and " + MAX_POINTS + ", not " + n);
        }
        return n;
    }
}
