package org.opencentral.store.sqlite;

import java.nio.file.Path;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.jdbc.JdbcStateStore;

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
}
