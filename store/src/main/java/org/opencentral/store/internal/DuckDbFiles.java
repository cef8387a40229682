package org.opencentral.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
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
}
