package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.opencentral.core.store.CursorStore;

/** Consumers' positions in the event log: one row per consumer. */
final class JdbcCursorStore implements CursorStore {
    private final JdbcDatabase database;

    JdbcCursorStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public long position(String consumer) {
        Objects.requireNonNull(consumer, "consumer");
        return database.read(c -> Jdbc.queryOne(c, "SELECT last_sequence FROM cursors WHERE consumer = ?",
                row -> row.getLong(1), consumer)).orElse(0L);
    }

    @Override
    public void save(String consumer, long sequence) {
        Objects.requireNonNull(consumer, "consumer");
        if (sequence < 0) {
            throw new IllegalArgumentException("a cursor position is never negative");
        }
        database.write(c -> save(c, consumer, sequence));
    }

    /** Saves a cursor within the caller's transaction (a consumer that stores its work with its cursor). */
    static int save(Connection connection, String consumer, long sequence) throws SQLException {
        return Jdbc.update(connection, "INSERT INTO cursors (consumer, last_sequence) VALUES (?, ?) "
                + "ON CONFLICT (consumer) DO UPDATE SET last_sequence = excluded.last_sequence", consumer, sequence);
    }
}
