package org.opencentral.store.telemetry;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Merges a batch's partial rollups into {@code rollup_1m} and {@code rollup_1h} on DuckDB without
 * an index: stage them, update the rows that exist (a hash join whose scan of the rollup table is
 * pruned to the batch's bucket range by zone maps), insert the others.
 */
final class DuckDbRollupMerge {
    private static final String UPDATE = "UPDATE %s AS r SET n = r.n + s.n, total = r.total + s.total, "
            + "lo = least(r.lo, s.lo), hi = greatest(r.hi, s.hi), "
            + "first_value = CASE WHEN s.first_us < r.first_us THEN s.first_value ELSE r.first_value END, "
            + "first_us = least(r.first_us, s.first_us), "
            + "last_value = CASE WHEN s.last_us >= r.last_us THEN s.last_value ELSE r.last_value END, "
            + "last_us = greatest(r.last_us, s.last_us) "
            + "FROM rollup_stage s WHERE s.granularity = ? AND r.series_id = s.series_id "
            + "AND r.bucket_us = s.bucket_us AND r.bucket_us >= ? AND r.bucket_us <= ?";
    private static final String INSERT = "INSERT INTO %s SELECT series_id, bucket_us, n, total, lo, hi, first_us, "
            + "first_value, last_us, last_value FROM rollup_stage s WHERE s.granularity = ? AND NOT EXISTS "
            + "(SELECT 1 FROM %s r WHERE r.series_id = s.series_id AND r.bucket_us = s.bucket_us "
            + "AND r.bucket_us >= ? AND r.bucket_us <= ?)";

    private DuckDbRollupMerge() {
    }

    /** Runs inside the writer's open transaction. */
    static void merge(DuckDBConnection connection, List<RollupRow> minutes, List<RollupRow> hours)
            throws SQLException {
        if (minutes.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM rollup_stage");
        }
        try (DuckDBAppender appender = connection.createAppender("temp", "main", "rollup_stage")) {
            stage(appender, 0, minutes);
            stage(appender, 1, hours);
            appender.flush();
        }
        apply(connection, Table.MINUTE, 0, minutes);
        apply(connection, Table.HOUR, 1, hours);
    }

    private static void stage(DuckDBAppender appender, int granularity, List<RollupRow> rows) throws SQLException {
        for (RollupRow row : rows) {
            appender.beginRow().append((byte) granularity).append(row.seriesId()).append(row.bucketUs())
                    .append(row.count()).append(row.total()).append(row.min()).append(row.max())
                    .append(row.firstUs()).append(row.first()).append(row.lastUs()).append(row.last()).endRow();
        }
    }

    private static void apply(DuckDBConnection connection, Table table, int granularity, List<RollupRow> rows)
            throws SQLException {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (RollupRow row : rows) {
            min = Math.min(min, row.bucketUs());
            max = Math.max(max, row.bucketUs());
        }
        for (String sql : List.of(UPDATE.formatted(table.table), INSERT.formatted(table.table, table.table))) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setInt(1, granularity);
                statement.setLong(2, min);
                statement.setLong(3, max);
                statement.executeUpdate();
            }
        }
    }
}
