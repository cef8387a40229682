package org.opencentral.store.eventlog;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.store.internal.FixedConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The DuckDB side of {@link DuckDbEventLog}: the writer's connection and a pool of readers. */
final class DuckDbLogStorage implements LogStorage {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbLogStorage.class);

    private final String file;
    private final DuckDBConnection writer;
    private final FixedConnectionPool readers;

    DuckDbLogStorage(String file, DuckDBConnection writer, FixedConnectionPool readers) {
        this.file = file;
        this.writer = writer;
        this.readers = readers;
    }

    @Override
    public synchronized void appendCommitted(long firstSequence, List<EncodedEvent> events) throws SQLException {
        EventTable.appendCommitted(writer, firstSequence, events);
    }

    @Override
    public synchronized long maxSequence() throws SQLException {
        return EventTable.maxSequence(writer);
    }

    @Override
    public List<LoggedEvent> read(long after, long upTo, int max) throws SQLException {
        return readers.with(c -> EventTable.read(c, after, upTo, max));
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
                EventTable.deleteBefore(writer, day.plusDays(1));
            }
            days++;
        }
        return days;
    }

    private LocalDate oldestDay() throws SQLException {
        return readers.with(EventTable::oldestDay).orElse(null);
    }

    @Override
    public String describe() {
        return file;
    }

    @Override
    public void close() {
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
