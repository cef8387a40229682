package org.opencentral.platform.query.sql;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.telemetry.TelemetrySql;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.QueryKind;
import org.opencentral.platform.query.ast.TimeWindow;

/**
 * Compiles telemetry queries (rows, and aggregates with or without GROUP BY WINDOW) to one
 * parameterized statement. Aggregates without WITHIN_WINDOW cover the last 30 days. Aggregates read
 * the store's rollups (through {@link TelemetrySql#aggregatePartials}) unless a condition on values
 * or {@code $ts}, or {@code COUNT(*)}, needs the raw messages; {@code rollups = false} forces raw.
 */
public final class SqlCompiler {
    /** What aggregates cover when the query has no WITHIN_WINDOW (IoT Central's rule). */
    public static final Duration DEFAULT_AGGREGATE_RANGE = Duration.ofDays(30);

    private final TelemetrySql sql;
    private final SqlDialect dialect;
    private final boolean rollups;

    public SqlCompiler(TelemetrySql sql, boolean rollups) {
        this.sql = Objects.requireNonNull(sql);
        this.dialect = SqlDialect.of(sql.dialect());
        this.rollups = rollups;
    }

    public SqlCompiler(TelemetrySql sql) {
        this(sql, true);
    }

    /** The statement for a telemetry query over {@code devices} (non-empty), {@code now} being the time of the request. */
    public CompiledQuery compile(Query query, DeviceSet devices, Instant now) {
        if (query.kind() != QueryKind.TELEMETRY) {
            throw new IllegalArgumentException("property queries do not read the telemetry store");
        }
        SeriesScope scope = SeriesScope.of(query);
        Optional<TimeRange> range = range(query, now);
        if (!query.aggregated()) {
            return RowsSql.compile(query, scope, devices, range);
        }
        AggregateSql aggregates = new AggregateSql(query, scope, devices, dialect, range.orElseThrow());
        return rollups && aggregates.rollupsSuffice() ? aggregates.fromRollups(sql) : aggregates.fromRaw();
    }

    static Optional<TimeRange> range(Query query, Instant now) {
        Optional<TimeRange> written = query.timeRange().map(w -> switch (w) {
            case TimeWindow.Recent recent -> TimeRange.last(recent.duration().value(), now);
            case TimeWindow.Between between -> new TimeRange(between.start(), between.end());
        });
        if (written.isEmpty() && query.aggregated()) {
            return Optional.of(TimeRange.last(DEFAULT_AGGREGATE_RANGE, now));
        }
        return written;
    }
}
