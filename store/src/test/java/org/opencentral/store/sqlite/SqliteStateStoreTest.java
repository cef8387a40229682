package org.opencentral.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.contract.StateStoreContract;

/** The state-store contract on SQLite, a fresh temporary file per test. */
class SqliteStateStoreTest extends StateStoreContract {
    @TempDir
    Path directory;
    private Path file;

    @Override
    protected void createEmptyDatabase() {
        file = directory.resolve("state/opencentral.db");
    }

    @Override
    protected StateStore openStore(SecretCipher cipher) {
        return SqliteStateStore.open(file, cipher);
    }

    @Override
    public Connection rawConnection() {
        try {
            return DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<Integer> appliedVersions() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rows = connection.createStatement()
                        .executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            List<Integer> versions = new ArrayList<>();
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
            return versions;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
