package org.opencentral.store.telemetry;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.telemetry.TelemetryStore;

class DuckDbTelemetryStoreTest extends TelemetryStoreContract {
    @TempDir
    Path directory;

    @Override
    protected TelemetryStore openStore() {
        return DuckDbTelemetryStore.open(directory.resolve("data/telemetry.duckdb"));
    }
}
