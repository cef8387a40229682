package org.opencentral.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;

/** Opens a DuckDB database file, creating its directory first. */
public final class DuckDbFiles {
    private DuckDbFiles() {
    }

    /** The first connection to {@code file}; further ones are its {@code duplicate()}s. */
    public static DuckDBConnection connect(Path file) throws SQLException {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + absolute, e);
        }
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + absolute);
    }

    /** The most DuckDB threads {@link #setThreads} accepts. */
    public static final int MAX_THREADS = 64;

    /**
     * Sets the database's {@code threads} (a setting of the whole database instance: every connection
     * and DuckDB's workers; 1 means no workers at all). Refused outside 1 to {@value #MAX_THREADS}.
     */
    public static void setThreads(DuckDBConnection connection, int threads) throws SQLException {
        requireThreads(threads);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
        }
    }

    /** {@code threads} if DuckDB's {@code threads} may be set to it (1 to {@value #MAX_THREADS}). */
    public static int requireThreads(int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("DuckDB threads must be 1 to " + MAX_THREADS + ", not " + threads);
        }
        return threads;
    }
}
