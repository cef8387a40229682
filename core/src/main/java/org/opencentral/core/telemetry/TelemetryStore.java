package org.opencentral.core.telemetry;

import java.time.Duration;
import java.util.List;
import org.opencentral.core.store.TimeRetention;

/**
 * Typed telemetry history with 1-minute and 1-hour rollups (count, sum, min, max, first, last per
 * series) kept up to date by {@link #append} in the same transaction as the raw values. One writer
 * per store; reads run concurrently. Delivery from the event log is at-least-once, so a value can be
 * stored twice after a crash between an append and its consumer's cursor save.
 */
public interface TelemetryStore extends TimeRetention, AutoCloseable {
    /** Stores a batch and updates the rollups in one transaction; durable when this returns. */
    void append(List<TelemetryPoint> points);

    /** Raw points of one series in {@code range}, oldest first, at most {@code limit}. */
    List<TelemetryPoint> raw(SeriesKey series, TimeRange range, int limit);

    /** Aggregates of one series per bucket of {@code width} (epoch-aligned), oldest first; empty buckets are left out. */
    List<Bucket> buckets(SeriesKey series, TimeRange range, Duration width, Source source);

    /**
     * A series for a chart with at most {@code maxPoints} entries: the raw points when there are no
     * more than that, else buckets of the smallest "round" width (1 s, 2 s, 5 s, ... 1 min, ... 1 h,
     * ... 1 d, ...) that fits. Non-numeric series have no buckets: their first {@code maxPoints}
     * points are returned.
     */
    History history(SeriesKey series, TimeRange range, int maxPoints);

    /** Aggregates per device and window, ordered by device and window. */
    List<DeviceWindow> aggregate(WindowQuery query);

    /** Runs the query language's telemetry queries (none: queries unsupported). */
    default java.util.Optional<TelemetryQueries> queries() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
