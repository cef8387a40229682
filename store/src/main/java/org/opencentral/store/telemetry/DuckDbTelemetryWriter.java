package org.opencentral.store.telemetry;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue.BooleanValue;
import org.opencentral.core.telemetry.TelemetryValue.NumberValue;
import org.opencentral.core.telemetry.TelemetryValue.TextValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB write side: one connection, one transaction per batch (explicit {@code BEGIN}: the
 * appender joins it), raw rows through the Appender. The batch's rollup deltas are kept in
 * {@link PendingRollups} and merged by {@link DuckDbRollupMerge} once enough accumulated, a second
 * passed, or before anything reads rollups ({@link #mergeRollups}), so readers never see them
 * behind the raw rows. Retention deletes one day per transaction between batches.
 */
final class DuckDbTelemetryWriter implements TelemetryWriter {
    private static final String OLDEST = "SELECT least((SELECT min(ts_us) FROM telemetry_raw), "
            + "(SELECT min(bucket_us) FROM rollup_1m), (SELECT min(bucket_us) FROM rollup_1h))";

    private static final Logger LOG = LoggerFactory.getLogger(DuckDbTelemetryWriter.class);
    private static final int MAX_PENDING = 200_000;
    private static final long MAX_PENDING_NANOS = 1_000_000_000L;

    private final DuckDBConnection connection;
    private final SeriesDictionary dictionary;
    private final PendingRollups pending = new PendingRollups();
    private long lastBatch;
    private long pendingSince;

    DuckDbTelemetryWriter(DuckDBConnection connection, SeriesDictionary dictionary) throws SQLException {
        this.connection = connection;
        this.dictionary = dictionary;
        this.lastBatch = DuckDbRollupRecovery.lastBatch(connection);
        long merged = DuckDbRollupRecovery.mergedBatch(connection);
        if (merged < lastBatch) {
            pending.add(DuckDbRollupRecovery.deltas(connection, merged, Table.MINUTE),
                    DuckDbRollupRecovery.deltas(connection, merged, Table.HOUR));
            mergeRollups();
        }
    }

    @Override
    public synchronized void append(List<TelemetryPoint> points) throws SQLException {
        Map<SeriesKey, Integer> added = new HashMap<>();
        TelemetryBatch[] written = new TelemetryBatch[1];
        inTransaction(() -> {
            written[0] = TelemetryBatch.of(points, dictionary.resolve(connection, points, added));
            appendRaw(written[0].points(), lastBatch + 1);
        });
        lastBatch++;
        dictionary.publish(added);
        if (pending.size() == 0) {
            pendingSince = System.nanoTime();
        }
        pending.add(written[0].minutes(), written[0].hours());
        if (pending.size() >= MAX_PENDING || System.nanoTime() - pendingSince >= MAX_PENDING_NANOS) {
            try {
                mergeRollups();
            } catch (SQLException e) {
                // The batch itself is durable: failing its append would make the caller store it twice.
                LOG.warn("merging pending rollups failed; retrying with the next batch or read: {}", e.toString());
            }
        }
    }

    /** Merges the pending rollup deltas into the rollup tables, with the batch number they reach. */
    @Override
    public synchronized void mergeRollups() throws SQLException {
        if (pending.size() == 0) {
            return;
        }
        inTransaction(() -> {
            DuckDbRollupMerge.merge(connection, pending.minutes(), pending.hours());
            DuckDbRollupRecovery.recordMerged(connection, lastBatch);
        });
        pending.clear();
    }

    private void appendRaw(List<EncodedPoint> points, long batch) throws SQLException {
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "telemetry_raw")) {
            for (EncodedPoint point : points) {
                appender.beginRow().append(point.seriesId()).append(point.timeUs());
                switch (point.value()) {
                    case NumberValue n -> appender.append(n.value()).appendNull().appendNull();
                    case BooleanValue b -> appender.appendNull().append(b.value()).appendNull();
                    case TextValue t -> appender.appendNull().appendNull().append(t.value());
                }
                appender.append(batch).endRow();
            }
            appender.flush();
        }
    }

    @Override
    public int deleteBefore(LocalDate firstKept) throws SQLException {
        long cutoff = firstKept.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * Micros.SECOND;
        mergeRollups();
        int days = 0;
        for (OptionalLong oldest = oldest(); oldest.isPresent() && oldest.getAsLong() < cutoff; oldest = oldest()) {
            long dayEnd = Math.min(cutoff, Micros.floor(oldest.getAsLong(), Micros.DAY) + Micros.DAY);
            synchronized (this) {
                inTransaction(() -> {
                    for (String table : List.of("telemetry_raw WHERE ts_us < ?", "rollup_1m WHERE bucket_us < ?",
                            "rollup_1h WHERE bucket_us < ?")) {
                        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table)) {
                            delete.setLong(1, dayEnd);
                            delete.executeUpdate();
                        }
                    }
                });
            }
            days++;
        }
        return days;
    }

    private synchronized OptionalLong oldest() throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(OLDEST)) {
            row.next();
            long oldest = row.getLong(1);
            return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(oldest);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN TRANSACTION");
            try {
                work.run();
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                try {
                    statement.execute("ROLLBACK");
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            mergeRollups();
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the telemetry writer failed", e);
        }
    }
}
