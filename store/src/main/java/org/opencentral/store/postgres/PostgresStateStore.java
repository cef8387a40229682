package org.opencentral.store.postgres;

import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.jdbc.JdbcStateStore;

/** Entry point of the PostgreSQL state store. */
public final class PostgresStateStore {
    private PostgresStateStore() {
    }

    /**
     * Connects a pool to {@code jdbcUrl} (e.g. {@code jdbc:postgresql://host:5432/opencentral}) and
     * applies pending migrations; device and enrollment keys are sealed with {@code cipher}, which
     * every node of the database must share. The caller closes the returned store. The password is
     * never logged.
     */
    public static StateStore open(String jdbcUrl, String user, String password, SecretCipher cipher) {
        return JdbcStateStore.open(PostgresDatabase.open(jdbcUrl, user, password), cipher);
    }
}
