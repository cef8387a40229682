package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.telemetry.TimeRange;

/**
 * The time range a tile's data covers and the width of its chart's windows: the dashboard's shared
 * range when the request gives one (windows chosen so a chart has about {@value #POINTS} points),
 * otherwise the tile's own {@code queryRange} (its resolution, or one chosen the same way). A
 * {@code count} range (the last 100 values) is answered as the last day.
 */
public record TileRange(TimeRange range, Duration window) {
    static final int POINTS = 120;
    static final Duration LONGEST = Duration.ofDays(30);
    private static final List<Duration> WINDOWS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(12),
            Duration.ofDays(1), Duration.ofDays(7));

    /** The range for a tile: {@code shared} when present, else the tile's {@code queryRange}. */
    static TileRange of(Optional<TimeRange> shared, JsonNode configuration, Instant now) {
        if (shared.isPresent()) {
            return new TileRange(shared.get(), fitting(shared.get().length()));
        }
        JsonNode queryRange = configuration.path("queryRange");
        if (!queryRange.path("type").asText().equals("time")) {
            return new TileRange(TimeRange.last(Duration.ofDays(1), now), fitting(Duration.ofDays(1)));
        }
        Duration length = duration(queryRange.path("duration").asText());
        TimeRange range = TimeRange.last(length, now);
        return new TileRange(range, queryRange.has("resolution")
                ? duration(queryRange.path("resolution").asText()) : fitting(length));
    }

    /** An ISO 8601 duration of the document's, {@code P1W} included (which {@link Duration#parse} refuses). */
    static Duration duration(String text) {
        return text.equals("P1W") ? Duration.ofDays(7) : Duration.parse(text);
    }

    /** A shared range from a request: {@code from} and {@code to}, or {@code duration} before now. */
    public static Optional<TimeRange> shared(Optional<Instant> from, Optional<Instant> to, Optional<Duration> duration,
            Instant now) {
        if (duration.isPresent() && (from.isPresent() || to.isPresent())) {
            throw DomainException.badRequest("give either a 'duration' or 'from' and 'to', not both");
        }
        Optional<TimeRange> range = duration.map(d -> TimeRange.last(d, now));
        if (from.isPresent() || to.isPresent()) {
            Instant end = to.orElse(now);
            Instant start = from.orElseThrow(() -> DomainException.badRequest("'to' needs a 'from'"));
            if (!start.isBefore(end)) {
                throw DomainException.badRequest("'from' must be before 'to'");
            }
            range = Optional.of(new TimeRange(start, end));
        }
        range.filter(r -> r.length().compareTo(LONGEST) > 0 || r.length().isZero()).ifPresent(r -> {
            throw DomainException.badRequest("a dashboard's time range is longer than nothing and at most 30 days");
        });
        return range;
    }

    private static Duration fitting(Duration length) {
        return fitting(length, POINTS);
    }

    /** The smallest window of 1 min, 5 min, … 1 w that cuts {@code length} into at most {@code points} windows. */
    static Duration fitting(Duration length, int points) {
        for (Duration window : WINDOWS) {
            if (length.dividedBy(window) <= points) {
                return window;
            }
        }
        return WINDOWS.get(WINDOWS.size() - 1);
    }
}
