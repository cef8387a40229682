package org.opencentral.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
}
