package org.opencentral.store.eventlog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.opencentral.core.event.LoggedEvent;

/**
 * The {@code event_log} table on PostgreSQL, range-partitioned by {@code time_ns} (nanoseconds since
 * the epoch, as {@link EncodedEvent} keeps them) with one partition per UTC day and indexes on
 * {@code seq} and {@code (device_id, seq)} (one device's raw data) in each. Events about no device
 * (audit, template lifecycle) have a NULL {@code device_id}. A primary key would have to include
 * the partition key; the single writer already makes {@code seq} unique.
 */
final class PostgresLogTable {
    private static final String[] CREATE = {
        "CREATE TABLE IF NOT EXISTS event_log (seq BIGINT NOT NULL, time_ns BIGINT NOT NULL, kind TEXT NOT NULL, "
                + "device_id TEXT, payload TEXT NOT NULL, body BYTEA) PARTITION BY RANGE (time_ns)",
        "CREATE INDEX IF NOT EXISTS event_log_seq ON event_log (seq)",
        "CREATE INDEX IF NOT EXISTS event_log_device_seq ON event_log (device_id, seq)",
        "CREATE TABLE IF NOT EXISTS event_log_horizon (seq BIGINT NOT NULL)",
    };
    private static final String INSERT = "INSERT INTO event_log (seq, time_ns, kind, device_id, payload, body) "
            + "SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::bytea[])";
    private static final String READ = "SELECT seq, time_ns, kind, device_id, payload, body FROM event_log "
            + "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?";
    private static final String READ_DEVICE = "SELECT seq, time_ns, kind, device_id, payload, body FROM event_log "
            + "WHERE device_id = ? AND seq < ? AND seq <= ? ORDER BY seq DESC LIMIT ?";
    private static final String MAX = "SELECT greatest((SELECT coalesce(max(seq), 0) FROM event_log), "
            + "(SELECT coalesce(max(seq), 0) FROM event_log_horizon))";
    /** Advisory lock namespace "OCLOG" with the schema's hash: one owner per schema's log. */
    private static final String LOCK = "SELECT pg_try_advisory_lock(1329810500, hashtext(current_schema()))";
    private static final String UNLOCK = "SELECT pg_advisory_unlock(1329810500, hashtext(current_schema()))";

    private PostgresLogTable() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : CREATE) {
                statement.execute(sql);
            }
        }
    }

    static void lockExclusively(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(LOCK)) {
            row.next();
            if (!row.getBoolean(1)) {
                throw new IllegalStateException("another process has this event log open (single writer)");
            }
        }
    }

    /** Releases the lock now (closing the session releases it too, but only once the server notices). */
    static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(UNLOCK);
        }
    }

    static long maxSequence(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(MAX)) {
            row.next();
            return row.getLong(1);
        }
    }

    static void insert(Connection connection, long firstSequence, List<EncodedEvent> events) throws SQLException {
        int n = events.size();
        Long[] seq = new Long[n];
        Long[] time = new Long[n];
        String[] kind = new String[n];
        String[] device = new String[n];
        String[] payload = new String[n];
        byte[][] body = new byte[n][];
        for (int i = 0; i < n; i++) {
            EncodedEvent event = events.get(i);
            seq[i] = firstSequence + i;
            time[i] = event.epochNanos();
            kind[i] = event.kind();
            device[i] = event.deviceId().equals(EncodedEvent.NO_DEVICE) ? null : event.deviceId();
            payload[i] = event.payload();
            body[i] = event.body().length == 0 ? null : event.body();
        }
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            Array[] arrays = {connection.createArrayOf("int8", seq), connection.createArrayOf("int8", time),
                connection.createArrayOf("text", kind), connection.createArrayOf("text", device),
                connection.createArrayOf("text", payload), connection.createArrayOf("bytea", body)};
            for (int i = 0; i < arrays.length; i++) {
                statement.setArray(i + 1, arrays[i]);
            }
            statement.executeUpdate();
        }
    }

    static List<LoggedEvent> read(Connection connection, long after, long upTo, int max) throws SQLException {
        return LogRows.range(connection, READ, after, upTo, max);
    }

    /** Newest first, through the {@code (device_id, seq)} index of each partition. */
    static List<LoggedEvent> readDevice(Connection connection, String device, long before, long upTo, int max)
            throws SQLException {
        return LogRows.device(connection, READ_DEVICE, device, before, upTo, max);
    }

    static void recordHorizon(Connection connection, long horizon) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO event_log_horizon VALUES (?)")) {
            statement.setLong(1, horizon);
            statement.executeUpdate();
        }
    }
}
