package org.opencentral.platform.query.plan;

import java.nio.file.Path;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.store.contract.SharedPostgres;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;
import org.opencentral.store.telemetry.PostgresTelemetryStore;

/** The two telemetry engines for parity tests: DuckDB in a directory, PostgreSQL embedded (a schema per store). */
final class Engines {
    private Engines() {
    }

    static TelemetryStore duckDb(Path dir) {
        return DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"));
    }

    static TelemetryStore postgres() {
        return PostgresTelemetryStore.open(SharedPostgres.newSchemaUrl("query"), SharedPostgres.USER,
                SharedPostgres.PASSWORD);
    }
}
