package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.Aggregate;
import org.opencentral.core.telemetry.Bucket;
import org.opencentral.core.telemetry.DeviceWindow;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.Source;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.core.telemetry.WindowQuery;

/** The read queries, the same SQL on both engines but for {@link TelemetryDialect}. */
final class TelemetryReader {
    private static final String RAW = "SELECT ts_us, num, flag, txt FROM telemetry_raw "
            + "WHERE series_id = ? AND ts_us >= ? AND ts_us < ? ORDER BY ts_us LIMIT ?";
    private static final String COUNT = "SELECT count(*) FROM telemetry_raw WHERE series_id = ? AND ts_us >= ? AND ts_us < ?";
    private static final String DEVICES = "SELECT id, device_id FROM series WHERE component = ? AND capability = ?";
    private static final String BY_CAPABILITY = "series_id IN (SELECT id FROM series WHERE component = ? AND capability = ?)";

    private final TelemetryDialect dialect;
    private final Reads reads;

    TelemetryReader(TelemetryDialect dialect, Reads reads) {
        this.dialect = dialect;
        this.reads = reads;
    }

    TelemetryDialect dialect() {
        return dialect;
    }

    Reads reads() {
        return reads;
    }

    List<TelemetryPoint> raw(SeriesKey key, TimeRange range, int limit) throws SQLException {
        return reads.with(c -> {
            Optional<Integer> id = SeriesDictionary.find(c, key);
            if (id.isEmpty()) {
                return List.of();
            }
            List<TelemetryPoint> points = new ArrayList<>();
            try (PreparedStatement statement = prepare(c, RAW, List.of(id.get(), Micros.of(range.from()),
                    Micros.of(range.to()), limit)); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    points.add(new TelemetryPoint(key, Micros.instant(rows.getLong(1)), value(rows)));
                }
            }
            return points;
        });
    }

    long count(SeriesKey key, TimeRange range) throws SQLException {
        return reads.with(c -> {
            Optional<Integer> id = SeriesDictionary.find(c, key);
            if (id.isEmpty()) {
                return 0L;
            }
            try (PreparedStatement statement = prepare(c, COUNT, List.of(id.get(), Micros.of(range.from()),
                    Micros.of(range.to()))); ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    List<Bucket> buckets(SeriesKey key, TimeRange range, long widthUs, Source source) throws SQLException {
        return reads.with(c -> {
            Optional<Integer> id = SeriesDictionary.find(c, key);
            if (id.isEmpty() || range.from().equals(range.to())) {
                return List.of();
            }
            SqlStatement partials = TelemetryAggregateSql.partials(dialect, plan(range, widthUs, source), widthUs, "series_id = ?",
                    List.of(id.get()));
            String sql = "SELECT " + TelemetryAggregateSql.COLUMNS + " FROM (" + partials.sql() + ") x ORDER BY b";
            List<Bucket> buckets = new ArrayList<>();
            try (PreparedStatement statement = prepare(c, sql, partials.parameters());
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    buckets.add(new Bucket(Micros.instant(rows.getLong(2)), aggregate(rows, 3)));
                }
            }
            return buckets;
        });
    }

    /**
     * Rows carry the series id, ranked by device id in SQL, and are mapped to device ids in Java
     * afterwards: fetching a string per row through JDBC costs more than the whole query.
     */
    List<DeviceWindow> aggregate(WindowQuery query) throws SQLException {
        long widthUs = query.window().toNanos() / 1_000;
        if (query.range().from().equals(query.range().to())) {
            return List.of();
        }
        SqlStatement partials = TelemetryAggregateSql.partials(dialect, plan(query.range(), widthUs, query.source()), widthUs,
                BY_CAPABILITY, List.of(query.component(), query.capability()));
        String sql = "SELECT x.series_id, x.b, x.n, x.total, x.lo, x.hi, x.first_us, x.first_value, x.last_us, "
                + "x.last_value FROM (" + partials.sql() + ") x JOIN (SELECT id, row_number() OVER "
                + "(ORDER BY device_id) AS device_rank FROM series WHERE component = ? AND capability = ?) s "
                + "ON s.id = x.series_id ORDER BY s.device_rank, x.b";
        List<Object> parameters = new ArrayList<>(partials.parameters());
        parameters.add(query.component());
        parameters.add(query.capability());
        return reads.with(c -> {
            List<Integer> series = new ArrayList<>();
            List<Bucket> buckets = new ArrayList<>();
            try (PreparedStatement statement = prepare(c, sql, parameters); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    series.add(rows.getInt(1));
                    buckets.add(new Bucket(Micros.instant(rows.getLong(2)), aggregate(rows, 3)));
                }
            }
            Map<Integer, DeviceId> devices = devices(c, query.component(), query.capability());
            List<DeviceWindow> windows = new ArrayList<>(buckets.size());
            for (int i = 0; i < buckets.size(); i++) {
                Bucket bucket = buckets.get(i);
                windows.add(new DeviceWindow(devices.get(series.get(i)), bucket.start(), bucket.aggregate()));
            }
            return windows;
        });
    }

    private static Map<Integer, DeviceId> devices(Connection c, String component, String capability)
            throws SQLException {
        Map<Integer, DeviceId> devices = new HashMap<>();
        try (PreparedStatement statement = prepare(c, DEVICES, List.of(component, capability));
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                devices.put(rows.getInt(1), DeviceId.of(rows.getString(2)));
            }
        }
        return devices;
    }

    private static List<QueryPlanner.Segment> plan(TimeRange range, long widthUs, Source source) {
        return QueryPlanner.plan(Micros.of(range.from()), Micros.of(range.to()), widthUs, source);
    }

    private static Aggregate aggregate(ResultSet rows, int first) throws SQLException {
        return new Aggregate(rows.getLong(first), rows.getDouble(first + 1), rows.getDouble(first + 2),
                rows.getDouble(first + 3), Micros.instant(rows.getLong(first + 4)), rows.getDouble(first + 5),
                Micros.instant(rows.getLong(first + 6)), rows.getDouble(first + 7));
    }

    private static TelemetryValue value(ResultSet rows) throws SQLException {
        double number = rows.getDouble(2);
        if (!rows.wasNull()) {
            return TelemetryValue.of(number);
        }
        boolean flag = rows.getBoolean(3);
        if (!rows.wasNull()) {
            return TelemetryValue.of(flag);
        }
        return TelemetryValue.of(rows.getString(4));
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<?> parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                switch (parameters.get(i)) {
                    case Long l -> statement.setLong(i + 1, l);
                    case Integer n -> statement.setInt(i + 1, n);
                    case String s -> statement.setString(i + 1, s);
                    default -> throw new IllegalArgumentException("unsupported parameter " + parameters.get(i));
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }
}
