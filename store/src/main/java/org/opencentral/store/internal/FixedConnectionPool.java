package org.opencentral.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of already-open connections handed out one caller at a time. Borrowing waits (a
 * virtual thread simply parks) until a connection is free. Used for embedded engines (SQLite
 * readers, DuckDB readers) where a full pool such as HikariCP brings nothing: connections never
 * break, time out or need validation.
 */
public final class FixedConnectionPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FixedConnectionPool.class);

    /** Work done with a borrowed connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final BlockingQueue<Connection> idle;
    private final List<Connection> all;

    public FixedConnectionPool(List<Connection> connections) {
        if (connections.isEmpty()) {
            throw new IllegalArgumentException("a pool needs at least one connection");
        }
        this.all = List.copyOf(connections);
        this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
    }

    public <T> T with(Work<T> work) throws SQLException {
        Connection connection = borrow();
        try {
            return work.run(connection);
        } finally {
            idle.add(connection);
        }
    }

    private Connection borrow() throws SQLException {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", e);
        }
    }

    @Override
    public void close() {
        List<Connection> toClose = new ArrayList<>(all);
        for (Connection connection : toClose) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("closing a pooled connection failed: {}", e.getMessage());
            }
        }
    }
}
