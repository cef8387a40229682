package org.opencentral.store.eventlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.event.LoggedEvent;

/**
 * The two reads both log tables answer (DuckDB's {@link EventTable}, {@link PostgresLogTable}),
 * given each engine's SQL. The SQL selects {@code seq, time in epoch nanoseconds, kind, device_id,
 * payload, body} in that order; a NULL device is an event about no device.
 */
final class LogRows {
    private LogRows() {
    }

    /** {@code sql} has parameters {@code after, upTo, max}: events in sequence order. */
    static List<LoggedEvent> range(Connection connection, String sql, long after, long upTo, int max)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            statement.setInt(3, max);
            return decodeAll(statement);
        }
    }

    /** {@code sql} has parameters {@code device, before, upTo, max}: one device's events, newest first. */
    static List<LoggedEvent> device(Connection connection, String sql, String device, long before, long upTo,
            int max) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, device);
            statement.setLong(2, before);
            statement.setLong(3, upTo);
            statement.setInt(4, max);
            return decodeAll(statement);
        }
    }

    private static List<LoggedEvent> decodeAll(PreparedStatement statement) throws SQLException {
        List<LoggedEvent> events = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                byte[] body = row.getBytes(6);
                String device = row.getString(4);
                EncodedEvent encoded = new EncodedEvent(EncodedEvent.instantOfEpochNanos(row.getLong(2)),
                        row.getString(3), device == null ? EncodedEvent.NO_DEVICE : device, row.getString(5),
                        body == null ? new byte[0] : body);
                events.add(new LoggedEvent(row.getLong(1), EventCodec.decode(encoded)));
            }
        }
        return events;
    }
}
