package org.opencentral.platform.query.plan;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;
import org.opencentral.store.telemetry.PostgresTelemetryStore;

/** The two telemetry engines for parity tests: DuckDB in a directory, PostgreSQL embedded (one per JVM, a schema per store). */
final class Engines {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private Engines() {
    }

    static TelemetryStore duckDb(Path dir) {
        return DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"));
    }

    static TelemetryStore postgres() {
        String schema = "query_" + SCHEMAS.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        String base = server().getJdbcUrl("postgres", "postgres");
        return PostgresTelemetryStore.open(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "postgres", "postgres");
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
