package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencentral.server.config.StorageConfig;
import org.opencentral.server.testkit.RestClient;
import org.opencentral.server.testkit.TestDevice;
import org.opencentral.server.testkit.TestPlatform;

/** The production set-up: state, event log and telemetry in PostgreSQL ({@code --database-url}). */
class PostgresStateTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @Test
    void devicesTwinsAndTelemetryLiveInPostgres() {
        StorageConfig database = StorageConfig.postgres(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                "postgres");
        try (TestPlatform platform = TestPlatform.start(config -> config.withStorage(database))) {
            String key = platform.createDevice("pg-thermostat");
            try (TestDevice device = TestDevice.overTls(platform, "pg-thermostat", key)) {
                device.connect();
                device.sendTelemetry("{\"temperature\": 19.25}").join();
            }
            RestClient rest = platform.rest();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    rest.get("/devices/pg-thermostat/telemetry/temperature").ok().path("value").asDouble())
                    .isEqualTo(19.25));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    rest.get("/devices/pg-thermostat/telemetry/temperature/history").ok().at("/points/0/value")
                            .asDouble()).isEqualTo(19.25));
            assertThat(rest.patch("/devices/pg-thermostat/properties", Map.of("targetTemperature", 21)).status())
                    .isEqualTo(202);
            assertThat(platform.dataDir().resolve("state.db")).doesNotExist();
            assertThat(platform.dataDir().resolve("events.duckdb")).doesNotExist();
        }
    }
}
