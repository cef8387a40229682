package org.opencentral.store.eventlog;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.store.internal.DailyPartitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL side of {@link PostgresEventLog}: batches go through a pooled connection in one
 * transaction (committed with {@code synchronous_commit} as configured on the server: the default,
 * {@code on}, makes the commit durable before the futures complete). Missing day partitions are
 * created in their own transaction before the batch.
 */
final class PostgresLogStorage implements LogStorage {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresLogStorage.class);
    private static final long NANOS = 1_000_000_000L;

    private final String url;
    private final HikariDataSource pool;
    private final Connection lock;
    private final DailyPartitions partitions = new DailyPartitions("event_log", NANOS);

    PostgresLogStorage(String url, HikariDataSource pool, Connection lock) {
        this.url = url;
        this.pool = pool;
        this.lock = lock;
    }

    @Override
    public void appendCommitted(long firstSequence, List<EncodedEvent> events) throws SQLException {
        Set<LocalDate> days = new LinkedHashSet<>();
        for (EncodedEvent event : events) {
            days.add(partitions.dayOf(event.epochNanos()));
        }
        try (Connection connection = pool.getConnection()) {
            partitions.ensure(connection, days);
            connection.setAutoCommit(false);
            try {
                PostgresLogTable.insert(connection, firstSequence, events);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    @Override
    public long maxSequence() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return PostgresLogTable.maxSequence(connection);
        }
    }

    @Override
    public List<LoggedEvent> read(long after, long upTo, int max) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return PostgresLogTable.read(connection, after, upTo, max);
        }
    }

    @Override
    public List<LoggedEvent> readDevice(String device, long before, long upTo, int max) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            return PostgresLogTable.readDevice(connection, device, before, upTo, max);
        }
    }

    /** Drops whole day partitions; a partition being read waits for the drop's lock, briefly. */
    @Override
    public int deleteBefore(LocalDate firstKeptDay, long horizon) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            PostgresLogTable.recordHorizon(connection, horizon);
            return partitions.dropBefore(connection, firstKeptDay);
        }
    }

    @Override
    public String describe() {
        return url;
    }

    @Override
    public void close() {
        pool.close();
        try {
            PostgresLogTable.unlock(lock);
        } catch (SQLException e) {
            LOG.warn("releasing the event log's writer lock failed: {}", e.getMessage());
        }
        closeQuietly(lock);
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a PostgreSQL connection failed: {}", e.getMessage());
        }
    }
}
