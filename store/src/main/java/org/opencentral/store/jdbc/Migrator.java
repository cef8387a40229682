package org.opencentral.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned migrations listed in {@code db/state/migrations.txt} that the
 * {@code schema_version} table does not record yet, each in its own transaction, so that opening a
 * store twice changes nothing the second time.
 */
public final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);
    private static final String ROOT = "db/state/";
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)";

    /** One migration file. */
    public record Migration(int version, String description, String fileName) {
    }

    private final JdbcDatabase database;
    private final Clock clock;

    public Migrator(JdbcDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Applies what is pending; returns the versions applied now (empty when up to date).
     *
     * @throws SchemaTooNewException when the database records a version this binary does not know
     */
    public List<Integer> migrate() {
        return migrateTo(latestVersion());
    }

    /**
     * Applies the pending migrations up to and including {@code lastVersion}, as the binary that
     * shipped that version did (the upgrade fixtures are written this way); returns the versions
     * applied now.
     */
    public List<Integer> migrateTo(int lastVersion) {
        int recorded = database.write(this::newestRecorded);
        if (recorded > latestVersion()) {
            throw new SchemaTooNewException(recorded, latestVersion());
        }
        List<Integer> applied = new ArrayList<>();
        for (Migration migration : migrations()) {
            if (migration.version() <= lastVersion
                    && database.write(connection -> applyIfPending(connection, migration))) {
                applied.add(migration.version());
            }
        }
        return applied;
    }

    /** The newest schema version this binary knows. */
    public static int latestVersion() {
        return migrations().getLast().version();
    }

    private int newestRecorded(Connection connection) throws SQLException {
        lockAndCreateTable(connection);
        return Jdbc.queryOne(connection, "SELECT MAX(version) FROM schema_version", row -> row.getInt(1)).orElse(0);
    }

    /** The migrations in the order they must be applied. */
    public static List<Migration> migrations() {
        List<Migration> migrations = new ArrayList<>();
        for (String line : resource(ROOT + "migrations.txt").split("\n")) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            Matcher matcher = FILE_NAME.matcher(name);
            if (!matcher.matches()) {
                throw new IllegalStateException("badly named migration: " + name);
            }
            migrations.add(new Migration(Integer.parseInt(matcher.group(1)), matcher.group(2), name));
        }
        return migrations;
    }

    /** Takes the dialect's migration lock (held until the transaction ends) and creates schema_version if needed. */
    private void lockAndCreateTable(Connection connection) throws SQLException {
        if (database.dialect().migrationLock().isPresent()) {
            Jdbc.queryOne(connection, database.dialect().migrationLock().get(), row -> row.getObject(1));
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
        }
    }

    private boolean applyIfPending(Connection connection, Migration migration) throws SQLException {
        Dialect dialect = database.dialect();
        lockAndCreateTable(connection);
        if (Jdbc.exists(connection, "SELECT version FROM schema_version WHERE version = ?", migration.version())) {
            return false;
        }
        String script = resource(ROOT + dialect.migrationFolder() + "/" + migration.fileName());
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements(script)) {
                statement.execute(sql);
            }
        }
        Jdbc.update(connection, "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                migration.version(), migration.description(), clock.millis());
        LOG.info("applied state migration {} ({}) on {}", migration.version(), migration.description(), dialect);
        return true;
    }

    /** Splits a script on semicolons that end a line; comments ({@code --}) are dropped. */
    static List<String> statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\n")) {
            if (!line.strip().startsWith("--")) {
                cleaned.append(line).append('\n');
            }
        }
        List<String> statements = new ArrayList<>();
        for (String part : cleaned.toString().split(";\\s*\n")) {
            String sql = part.strip();
            if (sql.endsWith(";")) {
                sql = sql.substring(0, sql.length() - 1);
            }
            if (!sql.isBlank()) {
                statements.add(sql);
            }
        }
        return statements;
    }

    private static String resource(String path) {
        try (InputStream in = Migrator.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
