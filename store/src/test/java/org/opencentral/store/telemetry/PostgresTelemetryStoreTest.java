package org.opencentral.store.telemetry;

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
}
