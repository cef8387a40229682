package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.ConfigException;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.config.StorageConfig;
import org.opencentral.server.runtime.OpenCentralServer;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

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
        try (TestPlatform platform = TestPlatform.start(config -> config.toBuilder().storage(database).build())) {
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

    @Test
    void nodesOfOneDatabaseMustShareTheSecretKey(@TempDir Path dirs) throws Exception {
        try (Connection admin = postgres.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE shared_key");
        }
        StorageConfig database = StorageConfig.postgres(postgres.getJdbcUrl("postgres", "shared_key"), "postgres",
                "postgres");
        TestPlatform first = TestPlatform.start(config -> config.toBuilder().storage(database).build());
        String key = first.createDevice("pg-shared");
        Path shared = Files.copy(first.dataDir().resolve("secret.key"), dirs.resolve("shared.key"));
        Path identity = Files.copy(first.dataDir().resolve("application.properties"), dirs.resolve("app.properties"));
        String token = first.adminToken();
        ServerConfig elsewhere = first.config().toBuilder().dataDir(dirs.resolve("node-2")).build();

        assertThatThrownBy(() -> first.restart(config -> elsewhere).close())
                .as("a node that made a key of its own").isInstanceOf(ConfigException.class)
                .hasMessageContaining("is not the key this state store's device and enrollment keys were encrypted with");
        // nodes of one application share its identity as well (API tokens name the application id)
        Files.copy(identity, elsewhere.dataDir().resolve("application.properties"), StandardCopyOption.REPLACE_EXISTING);
        ServerConfig sharing = elsewhere.toBuilder().storage(database.withSecretKeyFile(shared)).build();
        try (OpenCentralServer node = OpenCentralServer.start(sharing, Clock.systemUTC())) {
            RestClient rest = new RestClient(URI.create("http://127.0.0.1:" + node.httpPort()), token);
            assertThat(rest.get("/devices/pg-shared/credentials").ok().at("/symmetricKey/primaryKey").asText())
                    .isEqualTo(key);
        }
    }
}
