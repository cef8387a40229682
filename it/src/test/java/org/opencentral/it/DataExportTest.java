package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;
import org.opencentral.testkit.WebhookSink;

/**
 * A telemetry export on the running server: a device's messages, sent over MQTT/TLS, reach a real
 * HTTP receiver in IoT Central's format, enriched (also with a property the device reported); the export answers healthy with its last export
 * time, and {@code /metrics} counts what was sent.
 */
@Timeout(120)
class DataExportTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private TestPlatform platform;
    private WebhookSink receiver;

    @BeforeEach
    void start() {
        platform = TestPlatform.start();
        receiver = new WebhookSink();
    }

    @AfterEach
    void stop() {
        receiver.close();
        platform.close();
    }

    @Test
    void aDevicesTelemetryReachesTheWebhookEnrichedAndTheExportIsHealthy() throws Exception {
        RestClient rest = platform.rest();
        rest.put("/dataExport/destinations/hook", Map.of("displayName", "Hook", "type", "webhook@v1",
                "url", receiver.url())).ok();
        rest.put("/dataExport/exports/tel", Map.of("displayName", "Telemetry", "enabled", true,
                "source", "telemetry", "filter", "SELECT * FROM devices WHERE temperature > 20",
                "enrichments", Map.of("name", Map.of("path", "$displayName"), "site", Map.of("value", "north"),
                        "fw", Map.of("target", "dtmi:contoso:DeviceInfo;1", "path", "firmware")),
                "destinations", List.of(Map.of("id", "hook")))).ok();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                rest.get("/dataExport/exports/tel").ok().path("status").asText()).isEqualTo("healthy"));

        String key = platform.createDevice("exp-1");
        String displayName = rest.get("/devices/exp-1").ok().path("displayName").asText();
        try (TestDevice device = TestDevice.overTls(platform, "exp-1", key)) {
            device.connect();
            device.subscribeToTwin();
            device.reportProperties("{\"firmware\": \"1.2\"}");
            for (int temperature : List.of(19, 21, 22, 23)) {
                device.sendTelemetry("{\"temperature\": " + temperature + "}").join();
            }
        }

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received()).hasSize(3));
        List<JsonNode> received = receiver.received();
        assertThat(received).extracting(m -> m.at("/telemetry/temperature").asInt()).containsExactly(21, 22, 23);
        JsonNode first = received.getFirst();
        assertThat(first.path("deviceId").asText()).isEqualTo("exp-1");
        assertThat(first.path("messageSource").asText()).isEqualTo("telemetry");
        assertThat(first.path("schema").asText()).isEqualTo("default@v1");
        assertThat(first.path("enrichments")).isEqualTo(Json.parse(
                "{\"name\":" + Json.write(displayName) + ",\"site\":\"north\",\"fw\":\"1.2\"}"));

        JsonNode export = rest.get("/dataExport/exports/tel").ok();
        assertThat(export.path("status").asText()).isEqualTo("healthy");
        assertThat(export.path("lastExportTime").asText()).isNotEmpty();
        assertThat(rest.get("/dataExport/destinations/hook").ok().path("status").asText()).isEqualTo("healthy");
        assertThat(metrics()).containsPattern(
                "opencentral_export_sent_total\\{destination=\"hook\",export=\"tel\",?} 3\\.0");
        JsonNode counters = rest.get("/dataExport/metrics").ok().path("value").get(0);
        assertThat(counters.path("exportId").asText()).isEqualTo("tel");
        assertThat(counters.path("sent").asLong()).isEqualTo(3);
        assertThat(counters.path("lagEvents").asLong()).isZero();
    }

    @Test
    void aTransformedExportSendsTheTransformsOutputsBuiltFromIotCentralsInput() throws Exception {
        RestClient rest = platform.rest();
        rest.put("/dataExport/destinations/hook", Map.of("displayName", "Hook", "type", "webhook@v1",
                "url", receiver.url())).ok();
        rest.put("/dataExport/exports/rows", Map.of("displayName", "Rows", "enabled", true, "source", "telemetry",
                "destinations", List.of(Map.of("id", "hook", "transform", "import \"iotc\" as iotc; "
                        + "{device: .device.id, deleted: .device.deleted,"
                        + " t: (.telemetry | iotc::find(.name == \"temperature\").value)}")))).ok();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                rest.get("/dataExport/exports/rows").ok().path("status").asText()).isEqualTo("healthy"));

        String key = platform.createDevice("rows-1");
        try (TestDevice device = TestDevice.overTls(platform, "rows-1", key)) {
            device.connect();
            device.sendTelemetry("{\"temperature\": 17.5}").join();
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(receiver.received()).hasSize(1));
        assertThat(receiver.received().getFirst())
                .isEqualTo(Json.parse("{\"device\":\"rows-1\",\"deleted\":false,\"t\":17.5}"));
    }

    private String metrics() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(platform.http().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
