package org.opencentral.store.eventlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * The DuckDB files of one event log, attached to one database instance: the main file and, with
 * background checkpoints, a second one. The writer appends to the {@link #active()} file while the
 * {@link DuckDbCheckpointer} checkpoints the {@link #resting()} one: DuckDB checkpoints block the
 * writers of the file they checkpoint (its checkpoint lock), not those of another attached file.
 * Each event is in exactly one file; readers see the union, ordered by sequence.
 */
final class LogFiles {
    /** One attached file: its catalog name in SQL and its write-ahead log. */
    record File(String catalog, Path wal) {
        File {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(wal, "wal");
        }

        /** The events table, quoted for SQL. */
        String events() {
            return quote(catalog) + ".main.events";
        }

        /** The WAL's size; 0 when there is none (DuckDB removes it after a checkpoint). */
        long walBytes() throws IOException {
            try {
                return Files.size(wal);
            } catch (NoSuchFileException e) {
                return 0;
            }
        }
    }

    static final String SECOND_CATALOG = "event_log_2";

    private final List<File> files;
    private final String allEvents;
    private volatile int active;

    private LogFiles(List<File> files) {
        this.files = List.copyOf(files);
        this.allEvents = this.files.size() == 1 ? this.files.getFirst().events()
                : this.files.stream().map(f -> "SELECT * FROM " + f.events())
                        .collect(Collectors.joining(" UNION ALL ", "(", ")"));
    }

    /** The main file alone, or with {@code alternate} the main file and a second one next to it (attached, created if needed). */
    static LogFiles attach(DuckDBConnection connection, Path mainFile, boolean alternate) throws SQLException {
        File main = new File(currentCatalog(connection), wal(mainFile));
        if (!alternate) {
            return new LogFiles(List.of(main));
        }
        Path second = secondFile(mainFile);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ATTACH IF NOT EXISTS '" + second.toString().replace("'", "''") + "' AS " + SECOND_CATALOG);
        }
        return new LogFiles(List.of(main, new File(SECOND_CATALOG, wal(second))));
    }

    /** {@code events.duckdb} → {@code events-2.duckdb}. */
    static Path secondFile(Path mainFile) {
        String name = mainFile.getFileName().toString();
        String stem = name.endsWith(".duckdb") ? name.substring(0, name.length() - ".duckdb".length()) : name;
        return mainFile.resolveSibling(stem + "-2.duckdb");
    }

    private static Path wal(Path databaseFile) {
        return databaseFile.resolveSibling(databaseFile.getFileName() + ".wal");
    }

    private static String currentCatalog(DuckDBConnection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_database()")) {
            row.next();
            return row.getString(1);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    List<File> all() {
        return files;
    }

    /** A table expression over every file's events (a UNION ALL when there are two). */
    String allEvents() {
        return allEvents;
    }

    boolean alternates() {
        return files.size() > 1;
    }

    /** Where the writer appends its next batch. */
    File active() {
        return files.get(active);
    }

    /** The file the writer does not append to (the active one when there is only one). */
    File resting() {
        return files.get((active + 1) % files.size());
    }

    /** Makes the resting file the active one; the writer's batch in progress still goes to the old one. */
    void swap() {
        active = (active + 1) % files.size();
    }
}
