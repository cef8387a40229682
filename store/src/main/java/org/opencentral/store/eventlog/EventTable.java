package org.opencentral.store.eventlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.event.LoggedEvent;

/**
 * The {@code events} table in DuckDB. No primary key: the single writer makes sequence numbers
 * unique, and since they are appended in order, DuckDB's per-row-group min/max statistics make
 * {@code seq > ?} scans skip old data without the cost of an index on every append.
 */
final class EventTable {
    static final String CREATE = "CREATE TABLE IF NOT EXISTS events (seq BIGINT NOT NULL, "
            + "time TIMESTAMP_NS NOT NULL, kind VARCHAR NOT NULL, device_id VARCHAR NOT NULL, "
            + "payload VARCHAR NOT NULL, body BLOB)";
    private static final String READ = "SELECT seq, epoch_ns(time), kind, device_id, payload, body FROM events "
            + "WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?";

    private EventTable() {
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE);
        }
    }

    static long maxSequence(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT coalesce(max(seq), 0) FROM events")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Writes {@code events} with sequence numbers from {@code firstSequence} in one transaction;
     * when this returns, the batch is committed (DuckDB fsyncs its WAL on commit).
     */
    static void appendCommitted(DuckDBConnection connection, long firstSequence, List<EncodedEvent> events)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // An explicit BEGIN: the appender joins the connection's transaction (setAutoCommit(false)
            // does not make it do so in duckdb_jdbc 2.0).
            statement.execute("BEGIN TRANSACTION");
            try {
                try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "events")) {
                    long sequence = firstSequence;
                    for (EncodedEvent event : events) {
                        appendRow(appender, sequence++, event);
                    }
                    appender.flush();
                }
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(statement, e);
                throw e;
            }
        }
    }

    private static void appendRow(DuckDBAppender appender, long sequence, EncodedEvent event) throws SQLException {
        appender.beginRow().append(sequence).appendEpochNanos(event.epochNanos()).append(event.kind())
                .append(event.deviceId()).append(event.payload());
        if (event.body().length == 0) {
            appender.appendNull();
        } else {
            appender.append(event.body());
        }
        appender.endRow();
    }

    private static void rollback(Statement statement, Exception cause) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static List<LoggedEvent> read(Connection connection, long after, long upTo, int max) throws SQLException {
        List<LoggedEvent> events = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(READ)) {
            statement.setLong(1, after);
            statement.setLong(2, upTo);
            statement.setInt(3, max);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    byte[] body = row.getBytes(6);
                    EncodedEvent encoded = new EncodedEvent(EncodedEvent.instantOfEpochNanos(row.getLong(2)),
                            row.getString(3), row.getString(4), row.getString(5), body == null ? new byte[0] : body);
                    events.add(new LoggedEvent(row.getLong(1), EventCodec.decode(encoded)));
                }
            }
        }
        return events;
    }
}
