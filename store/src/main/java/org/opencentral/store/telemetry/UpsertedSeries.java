package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;

/**
 * PostgreSQL's registration, where several nodes may register the same series at once: the keys inserted
 * with {@code ON CONFLICT DO NOTHING} (the sequence assigns ids; a concurrent insert of the same key waits
 * for the other transaction and then does nothing), in key order so that two nodes take the unique
 * index's locks in the same order and cannot deadlock, then every id read back through the unique index
 * (each statement sees what committed before it). Three array parameters per statement, whatever the
 * number of keys.
 */
record UpsertedSeries() implements SeriesRegistration {
    private static final String KEYS = "unnest(?::text[], ?::text[], ?::text[]) AS k(device_id, component, capability)";
    private static final String INSERT = "INSERT INTO series (device_id, component, capability) SELECT * FROM " + KEYS
            + " ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING";
    private static final String SELECT = "SELECT s.id, s.device_id, s.component, s.capability FROM series s JOIN "
            + KEYS + " USING (device_id, component, capability)";

    @Override
    public Map<SeriesKey, Integer> register(Connection connection, List<SeriesKey> unknown, int nextId)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            bind(connection, insert, unknown);
            insert.executeUpdate();
        }
        Map<SeriesKey, Integer> registered = HashMap.newHashMap(unknown.size());
        try (PreparedStatement select = connection.prepareStatement(SELECT)) {
            bind(connection, select, unknown);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    registered.put(new SeriesKey(DeviceId.of(found.getString(2)), found.getString(3),
                            found.getString(4)), found.getInt(1));
                }
            }
        }
        if (registered.size() != unknown.size()) {
            throw new IllegalStateException("series not registered: " + unknown.size() + " asked, " + registered.size());
        }
        return registered;
    }

    private static void bind(Connection connection, PreparedStatement statement, List<SeriesKey> keys)
            throws SQLException {
        String[][] columns = new String[3][keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            columns[0][i] = keys.get(i).device().value();
            columns[1][i] = keys.get(i).component();
            columns[2][i] = keys.get(i).capability();
        }
        for (int c = 0; c < columns.length; c++) {
            statement.setArray(c + 1, connection.createArrayOf("text", columns[c]));
        }
    }
}
