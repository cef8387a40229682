package org.opencentral.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.store.LastValueStore;

/**
 * Last telemetry values. The upsert inserts only for existing devices and replaces a stored value
 * only when the new timestamp is not older (equal milliseconds: the later write wins). Rows are
 * written in key order so that concurrent batches lock rows in the same order.
 */
final class JdbcLastValueStore implements LastValueStore {
    private static final String UPSERT = "INSERT INTO last_values (device_id, component, name, value, ts) "
            + "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?) "
            + "ON CONFLICT (device_id, component, name) DO UPDATE SET value = excluded.value, ts = excluded.ts "
            + "WHERE excluded.ts >= last_values.ts";
    /** Device, component, name, compared directly (not through a chain of key-extracting comparators). */
    private static final Comparator<LastValue> KEY_ORDER = (a, b) -> {
        int byDevice = a.deviceId().value().compareTo(b.deviceId().value());
        if (byDevice != 0) {
            return byDevice;
        }
        int byComponent = a.component().compareTo(b.component());
        return byComponent != 0 ? byComponent : a.name().compareTo(b.name());
    };

    /** Device ids per batched read: well within SQLite's and PostgreSQL's bound-parameter limits. */
    private static final int CHUNK = 500;

    private final JdbcDatabase database;

    JdbcLastValueStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void upsert(Collection<LastValue> values) {
        if (values.isEmpty()) {
            return;
        }
        LastValue[] sorted = values.toArray(LastValue[]::new);
        Arrays.sort(sorted, KEY_ORDER);
        List<Object[]> rows = new ArrayList<>(sorted.length);
        for (LastValue v : sorted) {
            rows.add(new Object[] {v.deviceId().value(), v.component(), v.name(), text(v.value()), v.timestamp(),
                v.deviceId().value()});
        }
        database.write(c -> Jdbc.batch(c, UPSERT, rows));
    }

    /**
     * The value's JSON text. A finite double, an int, a long or a boolean is its own text
     * ({@code asText()}, what Jackson's generator writes for them too) without a generator per value:
     * almost every last value is one, and a generator per value was a sixth of this store's Java time.
     */
    static String text(JsonNode value) {
        boolean plain = value.isDouble() ? Double.isFinite(value.doubleValue())
                : value.isInt() || value.isLong() || value.isBoolean();
        return plain ? value.asText() : value.toString();
    }

    @Override
    public Optional<LastValue> find(DeviceId id, String component, String name) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT device_id, component, name, value, ts FROM last_values "
                + "WHERE device_id = ? AND component = ? AND name = ?", JdbcLastValueStore::map, id.value(),
                component, name));
    }

    @Override
    public Map<DeviceId, LastValue> find(Collection<DeviceId> ids, String component, String name) {
        List<String> distinct = ids.stream().map(DeviceId::value).distinct().toList();
        Map<DeviceId, LastValue> found = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
            Object[] parameters = new Object[chunk.size() + 2];
            parameters[0] = component;
            parameters[1] = name;
            for (int i = 0; i < chunk.size(); i++) {
                parameters[i + 2] = chunk.get(i);
            }
            database.read(c -> Jdbc.query(c, "SELECT device_id, component, name, value, ts FROM last_values "
                    + "WHERE component = ? AND name = ? AND device_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", JdbcLastValueStore::map,
                    parameters)).forEach(value -> found.put(value.deviceId(), value));
        }
        return found;
    }

    @Override
    public List<LastValue> list(DeviceId id, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return database.read(c -> Jdbc.query(c, "SELECT device_id, component, name, value, ts FROM last_values "
                + "WHERE device_id = ? ORDER BY component, name LIMIT ?", JdbcLastValueStore::map, id.value(), limit));
    }

    private static LastValue map(ResultSet row) throws SQLException {
        return new LastValue(DeviceId.of(row.getString("device_id")), row.getString("component"),
                row.getString("name"), Json.parse(row.getString("value")), Jdbc.instant(row, "ts"));
    }
}
