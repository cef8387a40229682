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
    private static final Duration CANCEL_RETRY = Duration.ofMillis(20);
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
        try (PreparedStatement prepared = c.prepareStatement(statement.sql())) {
            Binder.bind(c, prepared, statement.parameters());
            prepared.setMaxRows(maxRows);
            Watchdog watchdog = new Watchdog(prepared, timeout);
            List<List<Object>> result;
            try (ResultSet rows = prepared.executeQuery()) {
                result = read(rows, maxRows);
            } catch (SQLException e) {
                if (watchdog.stop()) {
                    throw timedOut(timeout);
                }
                throw e;
            } finally {
                watchdog.stop();
            }
            if (watchdog.stop()) {
                throw timedOut(timeout); // it finished, but over its budget: the limit holds either way
            }
            return result;
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

    private static DomainException timedOut(Duration timeout) {
        return new DomainException(ErrorCode.GATEWAY_TIMEOUT,
                "the query ran longer than " + timeout.toMillis() + " ms and was cancelled");
    }

    /**
     * Cancels a statement once its budget is spent, and again every {@link #CANCEL_RETRY} until it
     * ends: a cancel that comes before the database started the statement (a short budget on a
     * busy machine) is otherwise lost. No cancel runs after {@link #stop()}, so none reaches a later
     * statement on the same pooled connection.
     */
    private static final class Watchdog {
        private final PreparedStatement statement;
        private final ScheduledFuture<?> task;
        private boolean stopped;
        private boolean fired;

        Watchdog(PreparedStatement statement, Duration timeout) {
            this.statement = statement;
            this.task = WATCHDOG.scheduleAtFixedRate(this::cancel, timeout.toMillis(), CANCEL_RETRY.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        private synchronized void cancel() {
            if (stopped) {
                return;
            }
            fired = true;
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement finished meanwhile
            }
        }

        /** Stops cancelling (again: idempotent); whether the budget was spent. */
        synchronized boolean stop() {
            stopped = true;
            task.cancel(false);
            return fired;
        }
    }
}
