package org.opencentral.store.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.jdbc.JdbcStateStore;
import org.opencentral.store.jdbc.SqlErrors;
import org.sqlite.SQLiteConfig;

/** Entry point of the embedded state store. */
public final class SqliteStateStore {
    private SqliteStateStore() {
    }

    /**
     * Opens (creating it and its parent directories if needed) the SQLite state file and applies
     * pending migrations; device and enrollment keys are sealed with {@code cipher}, which must be
     * the cipher the file was first opened with. The caller closes the returned store.
     */
    public static StateStore open(Path file, SecretCipher cipher) {
        return JdbcStateStore.open(SqliteDatabase.open(file), cipher);
    }

    /**
     * Writes a consistent copy of the state file, open or not, to {@code target} (a new file) with
     * SQLite's {@code VACUUM INTO} on a connection of its own: a read transaction, so it holds
     * exactly what was committed when it began and never blocks the store's writer (WAL mode).
     */
    public static void backup(Path file, Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("the backup file " + target + " exists already");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        try (Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
                PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toAbsolutePath().toString());
            vacuum.execute();
        } catch (SQLException e) {
            throw SqlErrors.translate(e);
        }
    }
}
