package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The DuckDB tables. No index on the raw and rollup tables: rows arrive roughly in time order, so
 * the per-row-group min/max statistics prune time ranges, and appends stay index-free (an ART index
 * over hundreds of millions of rollup keys would cost gigabytes of memory). Only the small
 * {@code series} dictionary has keys: its ids are assigned by the writer ({@link AppendedSeries}; the
 * {@code series_ids} sequence of the column's default is not used), and its unique key refuses a
 * series registered twice. Raw rows carry the number of the
 * batch that wrote them (constant per batch, so it compresses to nothing) and {@code rollup_state}
 * the last batch merged into the rollups: after a crash the rollups are completed from the raw rows
 * of the later batches (see {@link PendingRollups}).
 */
final class DuckDbTelemetrySchema {
    private static final String ROLLUP_COLUMNS = " (series_id INTEGER NOT NULL, bucket_us BIGINT NOT NULL, "
            + "n BIGINT NOT NULL, total DOUBLE NOT NULL, lo DOUBLE NOT NULL, hi DOUBLE NOT NULL, "
            + "first_us BIGINT NOT NULL, first_value DOUBLE NOT NULL, last_us BIGINT NOT NULL, "
            + "last_value DOUBLE NOT NULL)";
    private static final String[] CREATE = {
        "CREATE SEQUENCE IF NOT EXISTS series_ids START 1",
        "CREATE TABLE IF NOT EXISTS series (id INTEGER PRIMARY KEY DEFAULT nextval('series_ids'), "
                + "device_id VARCHAR NOT NULL, component VARCHAR NOT NULL, capability VARCHAR NOT NULL, "
                + "UNIQUE (device_id, component, capability))",
        "CREATE TABLE IF NOT EXISTS telemetry_raw (series_id INTEGER NOT NULL, ts_us BIGINT NOT NULL, "
                + "num DOUBLE, flag BOOLEAN, txt VARCHAR, batch BIGINT NOT NULL DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS rollup_state (merged_batch BIGINT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS rollup_1m" + ROLLUP_COLUMNS,
        "CREATE TABLE IF NOT EXISTS rollup_1h" + ROLLUP_COLUMNS,
    };
    /** Per writer connection: a batch's partial rollups before they are merged (not WAL-logged). */
    static final String STAGE = "CREATE TEMP TABLE IF NOT EXISTS rollup_stage (granularity TINYINT NOT NULL, "
            + "series_id INTEGER NOT NULL, bucket_us BIGINT NOT NULL, n BIGINT NOT NULL, total DOUBLE NOT NULL, "
            + "lo DOUBLE NOT NULL, hi DOUBLE NOT NULL, first_us BIGINT NOT NULL, first_value DOUBLE NOT NULL, "
            + "last_us BIGINT NOT NULL, last_value DOUBLE NOT NULL)";

    private DuckDbTelemetrySchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : CREATE) {
                statement.execute(sql);
            }
            statement.execute(STAGE);
        }
    }
}
