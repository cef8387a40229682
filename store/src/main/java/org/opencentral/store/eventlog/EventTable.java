package org.opencentral.store.eventlog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.opencentral.store.internal.DuckDbBackups;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.event.LoggedEvent;

/**
 * The {@code events} table in each of the log's DuckDB files ({@link LogFiles}). No primary key: the single writer makes sequence numbers
 * unique, and since they are appended in order, DuckDB's per-row-group min/max statistics make
 * {@code seq > ?} scans skip old data without the cost of an index on every append. Retention
 * deletes whole days and first records the last sequence in {@code event_log_horizon}, so that
 * sequences continue even after every event was deleted.
 */
final class EventTable {
    private static final String COLUMNS = " (seq BIGINT NOT NULL, "
            + "time TIMESTAMP_NS NOT NULL, kind VARCHAR NOT NULL, device_id VARCHAR, "
            + "payload VARCHAR NOT NULL, body BLOB)";
    private static final String SELECTED = "seq, epoch_ns(time), kind, device_id, payload, body";
    static final String CREATE_HORIZON = "CREATE TABLE IF NOT EXISTS event_log_horizon (seq BIGINT NOT NULL)";

    private EventTable() {
    }

    /** Creates the {@code events} table in each file (and the horizon in the main one) if needed. */
    static void create(Connection connection, LogFiles files) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (LogFiles.File file : files.all()) {
                statement.execute("CREATE TABLE IF NOT EXISTS " + file.events() + COLUMNS);
                // logs created before audit events kept device_id NOT NULL; audit events have none
                statement.execute("ALTER TABLE " + file.events() + " ALTER COLUMN device_id DROP NOT NULL");
            }
            statement.execute(CREATE_HORIZON);
        }
    }

    /**
     * Copies the events up to {@code upTo} from every file into {@code target}, a new single-file
     * log whose retention horizon is {@code upTo} (so sequences continue after it), in one statement
     * (one snapshot: every event committed up to {@code upTo} is there).
     */
    static void copyTo(Connection connection, LogFiles files, Path target, long upTo) throws SQLException {
        DuckDbBackups.attached(connection, target, statement -> {
            String events = DuckDbBackups.TARGET + ".main.events";
            statement.execute("CREATE TABLE " + events + COLUMNS);
            statement.execute("CREATE TABLE " + DuckDbBackups.TARGET + ".main.event_log_horizon (seq BIGINT NOT NULL)");
            statement.execute("INSERT INTO " + DuckDbBackups.TARGET + ".main.event_log_horizon VALUES (" + upTo + ")");
            statement.execute("INSERT INTO " + events + " SELECT * FROM " + files.allEvents() + " WHERE seq <= "
                    + upTo + " ORDER BY seq");
        });
    }

    /** The highest sequence in the files or recorded by retention before it deleted events. */
    static long maxSequence(Connection connection, LogFiles files) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT greatest((SELECT coalesce(max(seq), 0) FROM "
                        + files.allEvents() + "), (SELECT coalesce(max(seq), 0) FROM event_log_horizon))")) {
            row.next();
            return row.getLong(1);
        }
    }

    static void recordHorizon(Connection connection, long horizon) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO event_log_horizon VALUES (?)")) {
            statement.setLong(1, horizon);
            statement.executeUpdate();
        }
    }

    /** The UTC day of the oldest event, if any. */
    static Optional<LocalDate> oldestDay(Connection connection, LogFiles files) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT epoch_ns(min(time)) FROM " + files.allEvents())) {
            row.next();
            long nanos = row.getLong(1);
            return row.wasNull() ? Optional.empty()
                    : Optional.of(LocalDate.ofInstant(EncodedEvent.instantOfEpochNanos(nanos), ZoneOffset.UTC));
        }
    }

    /**
     * Deletes the events timed before the start of {@code day} (UTC), one autocommitted statement
     * per file (a DuckDB transaction writes to one attached file only).
     */
    static void deleteBefore(Connection connection, LogFiles files, LocalDate day) throws SQLException {
        for (LogFiles.File file : files.all()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "DELETE FROM " + file.events() + " WHERE time < make_timestamp_ns(?)")) {
                statement.setLong(1, day.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L);
                statement.executeUpdate();
            }
        }
    }

    /**
     * Writes {@code events} with sequence numbers from {@code firstSequence} to {@code file} in one
     * transaction; when this returns, the batch is committed (DuckDB fsyncs the file's WAL on commit).
     */
    static void appendCommitted(DuckDBConnection connection, LogFiles.File file, long firstSequence,
            List<EncodedEvent> events) throws SQLException {
        appendCommitted(connection, file, firstSequence, events, () -> { });
    }

    /** Like the above, running {@code beforeCommit} once the rows are in the transaction (benchmarks time the two parts). */
    static void appendCommitted(DuckDBConnection connection, LogFiles.File file, long firstSequence,
            List<EncodedEvent> events, Runnable beforeCommit) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // An explicit BEGIN: the appender joins the connection's transaction (setAutoCommit(false)
            // does not make it do so in duckdb_jdbc 2.0).
            statement.execute("BEGIN TRANSACTION");
            try {
                try (DuckDBAppender appender = connection.createAppender(file.catalog(),
                        DuckDBConnection.DEFAULT_SCHEMA, "events")) {
                    long sequence = firstSequence;
                    for (EncodedEvent event : events) {
                        appendRow(appender, sequence++, event);
                    }
                    appender.flush();
                }
                beforeCommit.run();
                statement.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollback(statement, e);
                throw e;
            }
        }
    }

    private static void appendRow(DuckDBAppender appender, long sequence, EncodedEvent event) throws SQLException {
        appender.beginRow().append(sequence).appendEpochNanos(event.epochNanos()).append(event.kind());
        if (event.deviceId().isEmpty()) {
            appender.appendNull();
        } else {
            appender.append(event.deviceId());
        }
        appender.append(event.payload());
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

    static List<LoggedEvent> read(Connection connection, LogFiles files, long after, long upTo, int max)
            throws SQLException {
        return LogRows.range(connection, "SELECT " + SELECTED + " FROM " + files.allEvents()
                + " WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?", after, upTo, max);
    }

    /**
     * Up to {@code max} events of {@code device} with {@code seq < before} and {@code seq <= upTo},
     * newest first, from both files. A scan of {@code device_id} (no index: appends stay cheap);
     * DuckDB keeps only the top {@code max} rows while scanning.
     */
    static List<LoggedEvent> readDevice(Connection connection, LogFiles files, String device, long before,
            long upTo, int max) throws SQLException {
        return LogRows.device(connection, "SELECT " + SELECTED + " FROM " + files.allEvents()
                + " WHERE device_id = ? AND seq < ? AND seq <= ? ORDER BY seq DESC LIMIT ?", device, before, upTo,
                max);
    }
}
