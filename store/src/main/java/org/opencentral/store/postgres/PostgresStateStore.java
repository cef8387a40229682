package org.opencentral.store.postgres;

import org.opencentral.core.store.StateStore;
import org.opencentral.store.jdbc.JdbcStateStore;

/** Entry point of the PostgreSQL state store. */
public final class PostgresStateStore {
    private PostgresStateStore() {
    }

    /**
     * Connects a pool to {@code jdbcUrl} (e.g. {@code jdbc:postgresql://host:5432/opencentral}) and
     * applies pending migrations. The caller closes the returned store. The password is never logged.
     */
    public static StateStore open(String jdbcUrl, String user, String password) {
        return JdbcStateStore.open(PostgresDatabase.open(jdbcUrl, user, password));
    }
}
