package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of deferred rollup merges on DuckDB: which batch the rollups include, and the
 * deltas of the raw batches after it (read back once at start-up after a crash).
 */
final class DuckDbRollupRecovery {
    private static final String DELTAS = "SELECT series_id, ts_us - ts_us %% %d, count(*), sum(num), min(num), "
            + "max(num), min(ts_us), arg_min(num, ts_us), max(ts_us), arg_max(num, ts_us) FROM telemetry_raw "
            + "WHERE batch > ? AND num IS NOT NULL GROUP BY 1, 2";

    private DuckDbRollupRecovery() {
    }

    static long mergedBatch(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(max(merged_batch), 0) FROM rollup_state");
    }

    static long lastBatch(Connection connection) throws SQLException {
        return single(connection, "SELECT coalesce(max(batch), 0) FROM telemetry_raw");
    }

    static void recordMerged(Connection connection, long batch) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM rollup_state");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rollup_state VALUES (?)")) {
            insert.setLong(1, batch);
            insert.executeUpdate();
        }
    }

    /** The rollup deltas of the raw rows of batches after {@code merged}, at {@code granularity}. */
    static List<RollupRow> deltas(Connection connection, long merged, Table granularity) throws SQLException {
        List<RollupRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(DELTAS.formatted(granularity.granularityUs))) {
            statement.setLong(1, merged);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new RollupRow(row.getInt(1), row.getLong(2), row.getLong(3), row.getDouble(4),
                            row.getDouble(5), row.getDouble(6), row.getLong(7), row.getDouble(8), row.getLong(9),
                            row.getDouble(10)));
                }
            }
        }
        return rows;
    }

    private static long single(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
