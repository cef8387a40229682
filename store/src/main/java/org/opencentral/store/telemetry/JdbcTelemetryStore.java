package org.opencentral.store.telemetry;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.telemetry.Bucket;
import org.opencentral.core.telemetry.DeviceWindow;
import org.opencentral.core.telemetry.History;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.Source;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.core.telemetry.WindowQuery;

/** {@link TelemetryStore} over one engine's writer and the shared reader; SQL failures become UNAVAILABLE. */
final class JdbcTelemetryStore implements TelemetryStore {
    private final TelemetryWriter writer;
    private final TelemetryReader reader;
    private final AutoCloseable readers;
    private final JdbcTelemetryQueries queries;

    JdbcTelemetryStore(TelemetryWriter writer, TelemetryReader reader, AutoCloseable readers) {
        this.writer = writer;
        this.reader = reader;
        this.readers = readers;
        this.queries = new JdbcTelemetryQueries(reader.dialect(), reader.reads(), writer);
    }

    @Override
    public java.util.Optional<TelemetryQueries> queries() {
        return java.util.Optional.of(queries);
    }

    @Override
    public void append(List<TelemetryPoint> points) {
        if (points.isEmpty()) {
            return;
        }
        run(() -> {
            writer.append(List.copyOf(points));
            return null;
        }, "store telemetry");
    }

    @Override
    public List<TelemetryPoint> raw(SeriesKey series, TimeRange range, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        return run(() -> reader.raw(series, range, limit), "read telemetry");
    }

    @Override
    public List<Bucket> buckets(SeriesKey series, TimeRange range, Duration width, Source source) {
        Objects.requireNonNull(source, "source");
        if (width.isNegative() || width.isZero() || width.toNanos() % 1_000 != 0) {
            throw new IllegalArgumentException("a bucket width is a positive whole number of microseconds");
        }
        return run(() -> {
            writer.mergeRollups();
            return reader.buckets(series, range, width.toNanos() / 1_000, source);
        }, "read telemetry");
    }

    @Override
    public History history(SeriesKey series, TimeRange range, int maxPoints) {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be positive");
        }
        return run(() -> {
            if (reader.count(series, range) <= maxPoints) {
                return new History.Points(reader.raw(series, range, maxPoints));
            }
            writer.mergeRollups();
            Duration width = HistoryWidths.fitting(Micros.of(range.from()), Micros.of(range.to()), maxPoints);
            List<Bucket> buckets = reader.buckets(series, range, width.toNanos() / 1_000, Source.AUTO);
            return buckets.isEmpty() ? new History.Points(reader.raw(series, range, maxPoints))
                    : new History.Buckets(width, buckets);
        }, "read telemetry");
    }

    @Override
    public List<DeviceWindow> aggregate(WindowQuery query) {
        return run(() -> {
            writer.mergeRollups();
            return reader.aggregate(query);
        }, "aggregate telemetry");
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        return run(() -> writer.deleteBefore(firstKept), "apply telemetry retention");
    }

    @Override
    public void close() {
        writer.close();
        try {
            readers.close();
        } catch (Exception e) {
            throw new IllegalStateException("closing the telemetry readers failed", e);
        }
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T run(SqlCall<T> call, String what) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot " + what, e);
        }
    }
}
