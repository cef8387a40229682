package org.opencentral.platform.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.core.telemetry.TelemetryQuery;
import org.opencentral.core.telemetry.TimeRange;

/**
 * The chart and KPI statements of one refresh: the tiles that read the same devices over the same
 * range, windows and grouping ({@link Shape}) share one statement that aggregates every capability
 * they show ({@link Column}), run once by the first tile that needs it. Every column is planned
 * ({@link #want}) before any tile is answered, so that the one statement covers them all.
 */
final class TileStatements {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What tiles must share to share a statement. */
    record Shape(List<String> devices, TimeRange range, Optional<Duration> window, boolean byDevice) {
        Shape {
            devices = List.copyOf(devices);
        }
    }

    /** One aggregate of one capability. */
    record Column(TelemetryQuery.Series series, TelemetryQuery.Function function) {
    }

    private final Optional<TelemetryQueries> queries;
    private final Map<Shape, Set<Column>> wanted = new ConcurrentHashMap<>();
    private final Map<Shape, Statement> statements = new ConcurrentHashMap<>();

    TileStatements(Optional<TelemetryQueries> queries) {
        this.queries = queries;
    }

    /** Plans {@code column} over {@code shape}; all before the first {@link #rows}. */
    void want(Shape shape, Column column) {
        wanted.computeIfAbsent(shape, s -> new LinkedHashSet<>()).add(column);
    }

    /**
     * The rows {@code [device or null, window start in µs or null, value]} of a planned column, as a
     * statement of that column alone would answer them (a window where the capability has no
     * values has no row).
     */
    List<List<Object>> rows(Shape shape, Column column) {
        if (shape.devices().isEmpty()) {
            return List.of();
        }
        return statements.computeIfAbsent(shape, s -> new Statement(s, List.copyOf(wanted.getOrDefault(s, Set.of()))))
                .rows(column);
    }

    /** The most rows an aggregation of {@code shape} answers: a row per window (and device). */
    static int limit(Shape shape) {
        long windows = shape.window().map(w -> shape.range().length().dividedBy(w) + 2).orElse(1L);
        return (int) Math.min(Integer.MAX_VALUE, windows * (shape.byDevice() ? shape.devices().size() : 1));
    }

    /** One shape's statement, run on first use. */
    private final class Statement {
        private final Shape shape;
        private final List<Column> columns;
        private List<List<Object>> rows;

        Statement(Shape shape, List<Column> columns) {
            this.shape = shape;
            this.columns = columns;
        }

        synchronized List<List<Object>> rows(Column column) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalStateException("a tile's column was not planned: " + column);
            }
            if (rows == null) {
                rows = run();
            }
            List<List<Object>> result = new ArrayList<>(rows.size());
            for (List<Object> row : rows) {
                Object value = row.get(2 + index);
                // Another capability's window: its count is 0, where its own statement has no row.
                boolean absent = shape.window().isPresent() && column.function() == TelemetryQuery.Function.COUNT
                        && value instanceof Number number && number.longValue() == 0;
                if (!absent && (value != null || shape.window().isEmpty())) {
                    result.add(Arrays.asList(row.get(0), row.get(1), value));
                }
            }
            return result;
        }

        private List<List<Object>> run() {
            TelemetryQueries engine = queries.orElseThrow(() -> new DomainException(ErrorCode.UNAVAILABLE,
                    "this telemetry store answers no queries"));
            List<TelemetryQuery.Series> series = columns.stream().map(Column::series).distinct().toList();
            List<TelemetryQuery.Aggregate> aggregates = columns.stream().map(c -> new TelemetryQuery.Aggregate(
                    c.function(), OptionalInt.of(series.indexOf(c.series())))).toList();
            TelemetryQuery query = new TelemetryQuery(shape.devices(), series, Optional.of(shape.range()),
                    Optional.of(new TelemetryQuery.Aggregation(aggregates, shape.byDevice(), shape.window(), true)),
                    Optional.empty(), List.of(), limit(shape));
            return engine.run(query, TIMEOUT);
        }
    }
}
