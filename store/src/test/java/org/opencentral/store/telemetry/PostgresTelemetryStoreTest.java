package org.opencentral.store.telemetry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.store.contract.SharedPostgres;

class PostgresTelemetryStoreTest extends TelemetryStoreContract {
    private String url;

    @BeforeEach
    void newSchema() {
        url = SharedPostgres.newSchemaUrl("telemetry");
    }

    @Override
    protected TelemetryStore openStore() {
        return PostgresTelemetryStore.open(url, "postgres", "postgres");
    }

    @Override
    protected TelemetryStore openStoreRefusingText(String refused) {
        TelemetryStore store = openStore();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE telemetry_raw ADD CONSTRAINT refused CHECK (txt IS DISTINCT FROM '"
                    + refused.replace("'", "''") + "')");
        } catch (SQLException e) {
            store.close();
            throw new IllegalStateException(e);
        }
        return store;
    }
}
