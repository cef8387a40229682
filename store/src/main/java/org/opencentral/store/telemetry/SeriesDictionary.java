package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;

/**
 * The {@code series} table cached in memory: one integer id per device, component and capability,
 * so that raw and rollup rows carry 4 bytes instead of three strings. Ids of new series are
 * registered inside the writer's transaction (by the engine's {@link SeriesRegistration}) and become
 * visible in the cache only after it commits. Used by one writer at a time (the writers' appends are
 * synchronized).
 */
final class SeriesDictionary {
    private static final String FIND = "SELECT id FROM series WHERE device_id = ? AND component = ? AND capability = ?";

    private final Map<SeriesKey, Integer> ids = new ConcurrentHashMap<>();
    private final SeriesRegistration registration;
    /** One more than the largest committed id known here. */
    private int nextId = 1;

    SeriesDictionary(SeriesRegistration registration) {
        this.registration = registration;
    }

    void load(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id, device_id, component, capability FROM series");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                int id = rows.getInt(1);
                ids.put(new SeriesKey(DeviceId.of(rows.getString(2)), rows.getString(3), rows.getString(4)), id);
                nextId = Math.max(nextId, id + 1);
            }
        }
    }

    /**
     * The id of each series of {@code points}, by index: known ones from the cache; unknown ones are registered
     * on {@code connection} (in its transaction) and put in {@code added}. One cache lookup per point (none for a
     * point of the same key instance as the one before it), none of them repeated when all are known (the common
     * case): a lookup in a map of a fleet's series is mostly a cache miss, the largest Java cost of an append.
     */
    int[] resolve(Connection connection, List<TelemetryPoint> points, Map<SeriesKey, Integer> added)
            throws SQLException {
        int[] resolved = new int[points.size()];   // ids start at 1 in both engines: 0 is a series not known yet
        Set<SeriesKey> missing = null;
        SeriesKey previous = null;
        int previousId = 0;
        for (int i = 0; i < resolved.length; i++) {
            SeriesKey key = points.get(i).series();
            if (key != previous) {
                Integer id = ids.get(key);
                previous = key;
                previousId = id == null ? 0 : id;
                if (id == null) {
                    missing = missing == null ? new LinkedHashSet<>() : missing;
                    missing.add(key);
                }
            }
            resolved[i] = previousId;
        }
        if (missing != null) {
            added.putAll(registration.register(connection, List.copyOf(missing), nextId));
            for (int i = 0; i < resolved.length; i++) {
                if (resolved[i] == 0) {
                    resolved[i] = added.get(points.get(i).series());
                }
            }
        }
        return resolved;
    }

    /** Publishes ids registered by a transaction that committed. */
    void publish(Map<SeriesKey, Integer> added) {
        for (Map.Entry<SeriesKey, Integer> entry : added.entrySet()) {
            ids.put(entry.getKey(), entry.getValue());
            nextId = Math.max(nextId, entry.getValue() + 1);
        }
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
        statement.setString(1, key.device().value());
        statement.setString(2, key.component());
        statement.setString(3, key.capability());
    }
}
