package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.telemetry.TelemetrySql;
import org.opencentral.core.telemetry.TimeRange;

/**
 * {@link TelemetrySql} over a store's reader connections: the partial aggregates come from the
 * store's own planner ({@link QueryPlanner}, {@link AggregateSql}); statements are cancelled by a
 * watchdog thread when they run past their timeout.
 */
final class JdbcTelemetrySql implements TelemetrySql {
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "telemetry-query-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final TelemetryDialect dialect;
    private final Reads reads;
    private final TelemetryWriter writer;

    JdbcTelemetrySql(TelemetryDialect dialect, Reads reads, TelemetryWriter writer) {
        this.dialect = dialect;
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public Dialect dialect() {
        return switch (dialect) {
            case DUCKDB -> Dialect.DUCKDB;
            case POSTGRES -> Dialect.POSTGRES;
        };
    }

    @Override
    public Statement aggregatePartials(Statement seriesFilter, TimeRange range, Duration width) {
        if (width.isNegative() || width.isZero() || width.toNanos() % 1_000 != 0) {
            throw new IllegalArgumentException("a bucket width is a positive whole number of microseconds");
        }
        long widthUs = width.toNanos() / 1_000;
        List<QueryPlanner.Segment> plan = QueryPlanner.plan(Micros.of(range.from()), Micros.of(range.to()), widthUs,
                org.opencentral.core.telemetry.Source.AUTO);
        if (plan.isEmpty()) {
            return new Statement("SELECT " + AggregateSql.COLUMNS + " FROM (SELECT CAST(NULL AS INTEGER) AS series_id, "
                    + "CAST(NULL AS BIGINT) AS b, CAST(NULL AS BIGINT) AS n, CAST(NULL AS DOUBLE PRECISION) AS total, "
                    + "CAST(NULL AS DOUBLE PRECISION) AS lo, CAST(NULL AS DOUBLE PRECISION) AS hi, "
                    + "CAST(NULL AS BIGINT) AS first_us, CAST(NULL AS DOUBLE PRECISION) AS first_value, "
                    + "CAST(NULL AS BIGINT) AS last_us, CAST(NULL AS DOUBLE PRECISION) AS last_value) e WHERE 1 = 0",
                    List.of());
        }
        AggregateSql.Query partials = AggregateSql.partials(dialect, plan, widthUs, seriesFilter.sql(),
                seriesFilter.parameters());
        return new Statement(partials.sql(), partials.parameters());
    }

    @Override
    public List<List<Object>> select(Statement statement, Duration timeout, int maxRows) {
        try {
            writer.mergeRollups();
            return reads.with(c -> run(c, statement, timeout, maxRows));
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot run the telemetry query", e);
        }
    }

    private static List<List<Object>> run(Connection c, Statement statement, Duration timeout, int maxRows)
            throws SQLException {
        AtomicBoolean cancelled = new AtomicBoolean();
        try (PreparedStatement prepared = c.prepareStatement(statement.sql())) {
            Binder.bind(c, prepared, statement.parameters());
            prepared.setMaxRows(maxRows);
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> cancel(prepared, cancelled),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet rows = prepared.executeQuery()) {
                return read(rows, maxRows);
            } catch (SQLException e) {
                if (cancelled.get()) {
                    throw new DomainException(ErrorCode.GATEWAY_TIMEOUT,
                            "the query ran longer than " + timeout.toMillis() + " ms and was cancelled");
                }
                throw e;
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private static List<List<Object>> read(ResultSet rows, int maxRows) throws SQLException {
        int columns = rows.getMetaData().getColumnCount();
        List<List<Object>> result = new ArrayList<>();
        while (result.size() < maxRows && rows.next()) {
            List<Object> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
                row.add(Binder.value(rows.getObject(i)));
            }
            result.add(java.util.Collections.unmodifiableList(row));
        }
        return result;
    }

    private static void cancel(PreparedStatement statement, AtomicBoolean cancelled) {
        cancelled.set(true);
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // the statement finished meanwhile
        }
    }
}
