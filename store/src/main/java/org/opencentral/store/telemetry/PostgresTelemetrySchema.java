package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL tables: raw values and both rollups range-partitioned by day of their time column
 * (so retention drops partitions), raw values indexed by series and time for history reads, rollups
 * keyed by series and bucket for {@code ON CONFLICT} merges.
 */
final class PostgresTelemetrySchema {
    private static final String ROLLUP_COLUMNS = " (series_id INTEGER NOT NULL, bucket_us BIGINT NOT NULL, "
            + "n BIGINT NOT NULL, total DOUBLE PRECISION NOT NULL, lo DOUBLE PRECISION NOT NULL, "
            + "hi DOUBLE PRECISION NOT NULL, first_us BIGINT NOT NULL, first_value DOUBLE PRECISION NOT NULL, "
            + "last_us BIGINT NOT NULL, last_value DOUBLE PRECISION NOT NULL, PRIMARY KEY (series_id, bucket_us)) "
            + "PARTITION BY RANGE (bucket_us)";
    private static final String[] CREATE = {
        "CREATE TABLE IF NOT EXISTS series (id SERIAL PRIMARY KEY, device_id TEXT NOT NULL, "
                + "component TEXT NOT NULL, capability TEXT NOT NULL, UNIQUE (device_id, component, capability))",
        "CREATE TABLE IF NOT EXISTS telemetry_raw (series_id INTEGER NOT NULL, ts_us BIGINT NOT NULL, "
                + "num DOUBLE PRECISION, flag BOOLEAN, txt TEXT) PARTITION BY RANGE (ts_us)",
        "CREATE INDEX IF NOT EXISTS telemetry_raw_series_time ON telemetry_raw (series_id, ts_us)",
        "CREATE TABLE IF NOT EXISTS rollup_1m" + ROLLUP_COLUMNS,
        "CREATE TABLE IF NOT EXISTS rollup_1h" + ROLLUP_COLUMNS,
    };

    private PostgresTelemetrySchema() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : CREATE) {
                statement.execute(sql);
            }
        }
    }
}
