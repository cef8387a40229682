package org.opencentral.store.telemetry;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue.BooleanValue;
import org.opencentral.core.telemetry.TelemetryValue.NumberValue;
import org.opencentral.core.telemetry.TelemetryValue.TextValue;
import org.opencentral.store.internal.DailyPartitions;

/**
 * The PostgreSQL write side: per batch, missing day partitions first (their own transactions),
 * then in one transaction the raw rows as one {@code INSERT ... SELECT unnest(arrays)} and the
 * partial rollups merged with {@code INSERT ... ON CONFLICT DO UPDATE}.
 */
final class PostgresTelemetryWriter implements TelemetryWriter {
    private static final String INSERT_RAW = "INSERT INTO telemetry_raw (series_id, ts_us, num, flag, txt) "
            + "SELECT * FROM unnest(?::int[], ?::bigint[], ?::float8[], ?::bool[], ?::text[])";
    private static final String UPSERT = "INSERT INTO %s AS r (series_id, bucket_us, n, total, lo, hi, first_us, "
            + "first_value, last_us, last_value) SELECT * FROM unnest(?::int[], ?::bigint[], ?::bigint[], "
            + "?::float8[], ?::float8[], ?::float8[], ?::bigint[], ?::float8[], ?::bigint[], ?::float8[]) "
            + "ON CONFLICT (series_id, bucket_us) DO UPDATE SET n = r.n + excluded.n, "
            + "total = r.total + excluded.total, lo = least(r.lo, excluded.lo), hi = greatest(r.hi, excluded.hi), "
            + "first_value = CASE WHEN excluded.first_us < r.first_us THEN excluded.first_value ELSE r.first_value END, "
            + "first_us = least(r.first_us, excluded.first_us), "
            + "last_value = CASE WHEN excluded.last_us >= r.last_us THEN excluded.last_value ELSE r.last_value END, "
            + "last_us = greatest(r.last_us, excluded.last_us)";

    private final HikariDataSource pool;
    private final SeriesDictionary dictionary;
    private final List<DailyPartitions> partitions = List.of(new DailyPartitions("telemetry_raw", Micros.SECOND),
            new DailyPartitions("rollup_1m", Micros.SECOND), new DailyPartitions("rollup_1h", Micros.SECOND));

    PostgresTelemetryWriter(HikariDataSource pool, SeriesDictionary dictionary) {
        this.pool = pool;
        this.dictionary = dictionary;
    }

    @Override
    public synchronized void append(List<TelemetryPoint> points) throws SQLException {
        Map<SeriesKey, Integer> added = new HashMap<>();
        try (Connection connection = pool.getConnection()) {
            Set<LocalDate> days = new LinkedHashSet<>();
            points.forEach(p -> days.add(partitions.getFirst().dayOf(Micros.of(p.time()))));
            for (DailyPartitions table : partitions) {
                table.ensure(connection, days);
            }
            connection.setAutoCommit(false);
            try {
                TelemetryBatch batch = TelemetryBatch.of(points, dictionary.resolve(connection, points, added));
                insertRaw(connection, batch.points());
                upsert(connection, Table.MINUTE, batch.minutes());
                upsert(connection, Table.HOUR, batch.hours());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        dictionary.publish(added);
    }

    /** Rollups are merged in each batch's own transaction: nothing is ever pending. */
    @Override
    public void mergeRollups() {
    }

    private static void insertRaw(Connection connection, List<EncodedPoint> points) throws SQLException {
        int size = points.size();
        Integer[] series = new Integer[size];
        Long[] times = new Long[size];
        Double[] numbers = new Double[size];
        Boolean[] flags = new Boolean[size];
        String[] texts = new String[size];
        for (int i = 0; i < size; i++) {
            EncodedPoint point = points.get(i);
            series[i] = point.seriesId();
            times[i] = point.timeUs();
            switch (point.value()) {
                case NumberValue n -> numbers[i] = n.value();
                case BooleanValue b -> flags[i] = b.value();
                case TextValue t -> texts[i] = t.value();
            }
        }
        execute(connection, INSERT_RAW, connection.createArrayOf("int4", series),
                connection.createArrayOf("int8", times), connection.createArrayOf("float8", numbers),
                connection.createArrayOf("bool", flags), connection.createArrayOf("text", texts));
    }

    private static void upsert(Connection connection, Table table, List<RollupRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int size = rows.size();
        Object[][] columns = new Object[10][size];
        for (int i = 0; i < size; i++) {
            RollupRow row = rows.get(i);
            Object[] values = {row.seriesId(), row.bucketUs(), row.count(), row.total(), row.min(), row.max(),
                row.firstUs(), row.first(), row.lastUs(), row.last()};
            for (int c = 0; c < values.length; c++) {
                columns[c][i] = values[c];
            }
        }
        String[] types = {"int4", "int8", "int8", "float8", "float8", "float8", "int8", "float8", "int8", "float8"};
        Array[] arrays = new Array[types.length];
        for (int c = 0; c < types.length; c++) {
            arrays[c] = connection.createArrayOf(types[c], columns[c]);
        }
        execute(connection, UPSERT.formatted(table.table), arrays);
    }

    private static void execute(Connection connection, String sql, Array... arrays) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, arrays[i]);
            }
            statement.executeUpdate();
        }
    }

    /** Drops the day partitions of all three tables; returns how many raw-value days went. */
    @Override
    public synchronized int deleteBefore(LocalDate firstKept) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            int days = partitions.getFirst().dropBefore(connection, firstKept);
            for (DailyPartitions table : partitions.subList(1, partitions.size())) {
                table.dropBefore(connection, firstKept);
            }
            return days;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
