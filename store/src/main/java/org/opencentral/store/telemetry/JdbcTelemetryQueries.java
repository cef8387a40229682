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
import org.opencentral.core.telemetry.TelemetryQueries;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * {@link TelemetryQueries} over a store's reader connections: plans become SQL in {@link QuerySql};
 * statements are cancelled by a watchdog thread when they run past their timeout.
 */
final class JdbcTelemetryQueries implements TelemetryQueries {
    private static final Duration CANCEL_RETRY = Duration.ofMillis(20);
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "telemetry-query-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final TelemetryDialect dialect;
    private final Reads reads;
    private final TelemetryWriter writer;

    JdbcTelemetryQueries(TelemetryDialect dialect, Reads reads, TelemetryWriter writer) {
        this.dialect = dialect;
        this.reads = reads;
        this.writer = writer;
    }

    @Override
    public List<List<Object>> run(TelemetryQuery query, Duration timeout) {
        return select(QuerySql.compile(query, dialect), timeout, query.limit());
    }

    /** Runs a statement, at most {@code maxRows} rows, cancelled after {@code timeout}. */
    List<List<Object>> select(SqlStatement statement, Duration timeout, int maxRows) {
        try {
            writer.mergeRollups();
            return reads.with(c -> run(c, statement, timeout, maxRows));
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot run the telemetry query", e);
        }
    }

    private static List<List<Object>> run(Connection c, SqlStatement statement, Duration timeout, int maxRows)
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
