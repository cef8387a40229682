package org.opencentral.store.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Consistent copies of DuckDB files that are open and being written, made inside the process that
 * holds them: the copy is a new DuckDB file attached to the same database instance and filled by
 * one statement, that is one transaction, so it holds exactly what was committed when it began
 * (DuckDB's MVCC). Copying the file itself while open is not safe: its WAL holds recent commits.
 * One copy at a time per database instance (the copy's catalog name is fixed).
 */
public final class DuckDbBackups {
    /** The catalog name the target file is attached as while it is written. */
    public static final String TARGET = "opencentral_backup";

    private DuckDbBackups() {
    }

    /** Writes a copy of the whole database {@code connection} is using (tables, sequences, data) to {@code target}. */
    public static void copyDatabase(Connection connection, Path target) throws SQLException {
        attached(connection, target, statement -> {
            String source;
            try (ResultSet row = statement.executeQuery("SELECT current_database()")) {
                row.next();
                source = row.getString(1);
            }
            statement.execute("COPY FROM DATABASE " + identifier(source) + " TO " + TARGET);
        });
    }

    /** Runs {@code work} with {@code target} (a new file) attached as {@link #TARGET}, then detaches it. */
    public static void attached(Connection connection, Path target, Work work) throws SQLException {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("the backup file " + target + " exists already");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH " + literal(target.toAbsolutePath().toString()) + " AS " + TARGET);
            try {
                work.run(statement);
            } finally {
                statement.execute("DETACH " + TARGET);
            }
        }
    }

    /** What runs while the target is attached. */
    @FunctionalInterface
    public interface Work {
        void run(Statement statement) throws SQLException;
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
