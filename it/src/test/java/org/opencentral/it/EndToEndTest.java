package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencentral.server.runtime.InitialCredentialsFile;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/** The whole node: a device over MQTT/TLS, the REST API, health and metrics. */
class EndToEndTest {
    private static TestPlatform platform;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void healthAndMetricsAnswerWithoutAToken() throws Exception {
        assertThat(get("/healthz").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("opencentral_mqtt_connections").contains("jvm_memory_used_bytes");
    }

    @Test
    void theFirstStartWritesTheAdminTokenForTheOwnerOnly() throws Exception {
        Path file = platform.dataDir().resolve(InitialCredentialsFile.NAME);
        assertThat(Files.readString(file, StandardCharsets.UTF_8).trim()).isEqualTo(platform.adminToken());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.exists(platform.dataDir().resolve("tls/ca.pem"))).isTrue();
    }

    @Test
    void telemetrySentOverTlsBecomesTheLastKnownValueAndEveryConsumerCountsIt() {
        String key = platform.createDevice("e2e-thermostat");
        try (TestDevice device = TestDevice.overTls(platform, "e2e-thermostat", key)) {
            assertThat(device.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
            device.sendTelemetry("{\"temperature\": 21.5}").join();
            RestClient rest = platform.rest();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(rest.get("/devices/e2e-thermostat/telemetry/temperature").body().path("value")
                            .asDouble()).isEqualTo(21.5));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(get("/metrics").body()).containsPattern("opencentral_mqtt_connections\\S* 1\\.0"));
            for (String consumer : new String[] {"last-values", "telemetry-index", "telemetry-conformance",
                    "simulation"}) {
                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/metrics").body())
                        .as(consumer)
                        .containsPattern("opencentral_eventlog_consumer_events_total\\{consumer=\"" + consumer
                                + "\",?\\} [1-9]")
                        .containsPattern("opencentral_eventlog_consumer_lag_events\\{consumer=\"" + consumer + "\""));
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(get("/metrics").body())
                    .as("the consumers' reads: one from the log, the others handed on")
                    .containsPattern("opencentral_eventlog_consumer_reads_events_total\\{from=\"log\",?\\} [1-9]")
                    .containsPattern("opencentral_eventlog_consumer_reads_events_total\\{from=\"shared\",?\\} [1-9]"));
        }
    }

    @Test
    void aWrongKeyIsRefused() {
        platform.createDevice("e2e-intruder");
        String wrongKey = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        try (TestDevice device = TestDevice.overTls(platform, "e2e-intruder", wrongKey)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(device::connect)
                    .hasRootCauseInstanceOf(com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException.class);
        }
    }

    @Test
    void devicesAreManagedThroughTheApi() {
        RestClient rest = platform.rest();
        rest.put("/devices/e2e-managed", Map.of("displayName", "Managed")).ok();
        assertThat(rest.get("/devices/e2e-managed").ok().path("displayName").asText()).isEqualTo("Managed");
        assertThat(rest.delete("/devices/e2e-managed").status()).isEqualTo(204);
        assertThat(rest.get("/devices/e2e-managed").status()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(platform.http() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
