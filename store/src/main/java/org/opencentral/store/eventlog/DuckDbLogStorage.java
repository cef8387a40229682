package org.opencentral.store.eventlog;

import java.sql.Connection;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.store.internal.FixedConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DuckDB side of {@link DuckDbEventLog}: the writer's connection, a pool of readers and,
 * normally, the {@link DuckDbCheckpointer} with its own connection.
 */
final class DuckDbLogStorage implements LogStorage {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbLogStorage.class);

    private final String file;
    private final DuckDBConnection writer;
    private final LogFiles files;
    private final FixedConnectionPool readers;
    private final Optional<DuckDbCheckpointer> checkpointer;
    /** The writer's Appender per file (catalog), kept between batches; replaced after a failed batch. */
    private final Map<String, DuckDBAppender> appenders = new HashMap<>();

    DuckDbLogStorage(String file, DuckDBConnection writer, LogFiles files, FixedConnectionPool readers,
            Optional<DuckDbCheckpointer> checkpointer) {
        this.file = file;
        this.writer = writer;
        this.files = files;
        this.readers = readers;
        this.checkpointer = checkpointer;
    }

    @Override
    public synchronized void appendCommitted(long firstSequence, List<EncodedEvent> events) throws SQLException {
        LogFiles.File file = files.active();
        DuckDBAppender appender = appenders.get(file.catalog());
        if (appender == null) {
            appender = writer.createAppender(file.catalog(), DuckDBConnection.DEFAULT_SCHEMA, "events");
            appenders.put(file.catalog(), appender);
        }
        try {
            EventTable.appendCommitted(writer, appender, firstSequence, events);
        } catch (SQLException | RuntimeException e) {
            appenders.remove(file.catalog());
            throw e;
        }
    }

    /** Copies the events up to {@code upTo} into a new log file at {@code target} (see {@link EventTable#copyTo}). */
    void backupTo(Path target, long upTo) throws SQLException {
        readers.with(connection -> {
            EventTable.copyTo(connection, files, target, upTo);
            return null;
        });
    }

    @Override
    public synchronized long maxSequence() throws SQLException {
        return EventTable.maxSequence(writer, files);
    }

    @Override
    public List<LoggedEvent> read(long after, long upTo, int max) throws SQLException {
        return readers.with(c -> EventTable.read(c, files, after, upTo, max));
    }

    @Override
    public List<LoggedEvent> readDevice(String device, long before, long upTo, int max) throws SQLException {
        return readers.with(c -> EventTable.readDevice(c, files, device, before, upTo, max));
    }

    /** One day per transaction, oldest first, on the writer's connection between two batches. */
    @Override
    public int deleteBefore(LocalDate firstKeptDay, long horizon) throws SQLException {
        synchronized (this) {
            EventTable.recordHorizon(writer, horizon);
        }
        int days = 0;
        for (LocalDate day = oldestDay(); day != null && day.isBefore(firstKeptDay); day = oldestDay()) {
            synchronized (this) {
                EventTable.deleteBefore(writer, files, day.plusDays(1));
            }
            days++;
        }
        return days;
    }

    private LocalDate oldestDay() throws SQLException {
        return readers.with(c -> EventTable.oldestDay(c, files)).orElse(null);
    }

    @Override
    public String describe() {
        return file;
    }

    /**
     * Closes the Appenders kept between batches: an Appender may be used by the thread that created it
     * only, so another thread that appends next (the filler after the replay at open) creates its own.
     */
    synchronized void closeAppenders() {
        for (DuckDBAppender appender : appenders.values()) {
            try {
                appender.close();   // holds no rows between batches
            } catch (SQLException e) {
                LOG.warn("closing the event log's appender failed: {}", e.getMessage());
            }
        }
        appenders.clear();
    }

    @Override
    public void close() {
        checkpointer.ifPresent(DuckDbCheckpointer::close);
        closeAppenders();
        readers.close();
        closeQuietly(writer);
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a DuckDB connection failed: {}", e.getMessage());
        }
    }
}
