package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;

/**
 * The {@code series} table cached in memory: one integer id per device, component and capability,
 * so that raw and rollup rows carry 4 bytes instead of three strings. Ids of new series are
 * registered inside the writer's transaction and become visible in the cache only after it commits.
 */
final class SeriesDictionary {
    private static final int CHUNK = 500;
    private static final String FIND = "SELECT id FROM series WHERE device_id = ? AND component = ? AND capability = ?";

    private final Map<SeriesKey, Integer> ids = new ConcurrentHashMap<>();

    void load(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, device_id, component, capability FROM series");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.put(new SeriesKey(DeviceId.of(rows.getString(2)), rows.getString(3), rows.getString(4)),
                        rows.getInt(1));
            }
        }
    }

    /**
     * The id of each series of {@code points}: known ones from the cache; unknown ones are registered
     * on {@code connection} (in its transaction) and put in {@code added}. One cache lookup per point
     * to find the unknown ones, none of them copied when all are known (the common case).
     */
    ToIntFunction<SeriesKey> resolve(Connection connection, List<TelemetryPoint> points,
            Map<SeriesKey, Integer> added) throws SQLException {
        Set<SeriesKey> missing = new LinkedHashSet<>();
        for (TelemetryPoint point : points) {
            if (!ids.containsKey(point.series())) {
                missing.add(point.series());
            }
        }
        List<SeriesKey> unknown = List.copyOf(missing);
        for (int from = 0; from < unknown.size(); from += CHUNK) {
            added.putAll(register(connection, unknown.subList(from, Math.min(unknown.size(), from + CHUNK))));
        }
        return key -> {
            Integer id = ids.get(key);
            return id != null ? id : added.get(key);
        };
    }

    /** Publishes ids registered by a transaction that committed. */
    void publish(Map<SeriesKey, Integer> added) {
        ids.putAll(added);
    }

    /** One multi-row insert and one select per chunk: new fleets register thousands of series at once. */
    private static Map<SeriesKey, Integer> register(Connection connection, List<SeriesKey> chunk)
            throws SQLException {
        String rows = String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?)"));
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO series (device_id, component, capability) VALUES " + rows + " ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < chunk.size(); i++) {
                bind(insert, 3 * i, chunk.get(i));
            }
            insert.executeUpdate();
        }
        Set<SeriesKey> wanted = new HashSet<>(chunk);
        Map<SeriesKey, Integer> registered = new HashMap<>();
        String devices = String.join(", ", Collections.nCopies(chunk.size(), "?"));
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, device_id, component, capability FROM series WHERE device_id IN (" + devices + ")")) {
            for (int i = 0; i < chunk.size(); i++) {
                select.setString(i + 1, chunk.get(i).device().value());
            }
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    SeriesKey key = new SeriesKey(DeviceId.of(found.getString(2)), found.getString(3), found.getString(4));
                    if (wanted.contains(key)) {
                        registered.put(key, found.getInt(1));
                    }
                }
            }
        }
        if (registered.size() != chunk.size()) {
            throw new IllegalStateException("series not registered: " + chunk.size() + " asked, " + registered.size());
        }
        return registered;
    }

    static Optional<Integer> find(Connection connection, SeriesKey key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            bind(statement, key);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getInt(1)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement statement, SeriesKey key) throws SQLException {
        bind(statement, 0, key);
    }

    private static void bind(PreparedStatement statement, int offset, SeriesKey key) throws SQLException {
        statement.setString(offset + 1, key.device().value());
        statement.setString(offset + 2, key.component());
        statement.setString(offset + 3, key.capability());
    }
}
