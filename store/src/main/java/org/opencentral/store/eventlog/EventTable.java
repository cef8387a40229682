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
     * Batches smaller than this are written by the Appender's {@code flush} alone, in DuckDB's
     * autocommit: one flush of the Java Appender is one {@code INSERT} of its rows, which commits
     * on its own. The Java Appender flushes by itself at DuckDB's vector size (2,048 rows), which
     * would split a larger batch into several transactions, so those get an explicit one.
     */
    static final int AUTOCOMMIT_ROWS = 2_048;

    /**
     * Writes {@code events} with sequence numbers from {@code firstSequence} through {@code appender}
     * (the writer's, kept open between batches, on {@code connection} in autocommit mode) in one
     * transaction; when this returns, the batch is committed (DuckDB fsyncs the file's WAL on commit).
     * A small batch is one autocommitted flush: no {@code BEGIN} and {@code COMMIT} statements and no
     * new Appender (about a quarter less CPU per commit of 1–10 rows: BENCHMARKS.md, "The commit
     * cadence and a cheaper commit"). On failure nothing of the batch is committed and
     * {@code appender} is closed: the caller opens a new one.
     */
    static void appendCommitted(DuckDBConnection connection, DuckDBAppender appender, long firstSequence,
            List<EncodedEvent> events) throws SQLException {
        appendCommitted(connection, appender, firstSequence, events, () -> { });
    }

    /**
     * Like the above, running {@code beforeWrite} once the rows are added to the Appender and before
     * they are written and committed (benchmarks time the two parts).
     */
    static void appendCommitted(DuckDBConnection connection, DuckDBAppender appender, long firstSequence,
            List<EncodedEvent> events, Runnable beforeWrite) throws SQLException {
        boolean explicit = events.size() >= AUTOCOMMIT_ROWS;
        try (Statement statement = connection.createStatement()) {
            if (explicit) {
                // the appender joins the connection's transaction (setAutoCommit(false) does not make it
                // do so in duckdb_jdbc 2.0)
                statement.execute("BEGIN TRANSACTION");
            }
            try {
                appendRows(appender, firstSequence, events);
                beforeWrite.run();
                appender.flush();
                if (explicit) {
                    statement.execute("COMMIT");
                }
            } catch (SQLException | RuntimeException e) {
                discard(statement, appender, explicit, e);
                throw e;
            }
        }
    }

    /**
     * Drops what {@code appender} still holds without committing it: closing an Appender flushes,
     * so it is closed inside a transaction that is then rolled back.
     */
    private static void discard(Statement statement, DuckDBAppender appender, boolean inTransaction, Exception cause) {
        try {
            if (!inTransaction) {
                statement.execute("BEGIN TRANSACTION");
            }
            try {
                appender.close();
            } catch (SQLException | RuntimeException e) {
                cause.addSuppressed(e);   // an Appender whose flush failed is invalid and may not close
            }
            statement.execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Adds {@code events} to {@code appender}, numbered from {@code firstSequence}; nothing is written before its flush. */
    static void appendRows(DuckDBAppender appender, long firstSequence, List<EncodedEvent> events) throws SQLException {
        long sequence = firstSequence;
        for (EncodedEvent event : events) {
            appendRow(appender, sequence++, event);
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
