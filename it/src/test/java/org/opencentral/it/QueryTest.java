package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * IoT Central's query API end to end: a device of a template sends telemetry over MQTT/TLS, the
 * indexer stores it, and {@code POST /api/query} reads it back as rows and as aggregates.
 */
@Timeout(120)
class QueryTest {
    private static final String TEMPLATE = "dtmi:contoso:QuerySensor;1";
    private static final String DEVICE = "query-sensor";
    private static final int VALUES = 20;
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        RestClient rest = platform.rest();
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8), Json.parse(
                "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Query sensor\",\"capabilityModel\":"
                + "{\"@id\":\"dtmi:contoso:cm:QuerySensor;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}}")).ok();
        String key = platform.createDevice(DEVICE);
        rest.patch("/devices/" + DEVICE, Map.of("template", TEMPLATE)).ok();
        try (TestDevice device = TestDevice.overTls(platform, DEVICE, key)) {
            device.connect();
            CompletableFuture.allOf(IntStream.range(0, VALUES)
                    .mapToObj(i -> device.sendTelemetry("{\"temperature\": " + i + "}"))
                    .toArray(CompletableFuture[]::new)).join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> query("SELECT COUNT(temperature) FROM " + TEMPLATE)
                .path(0).path("count_temperature").asInt() == VALUES);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void telemetryRowsAndAggregatesComeBack() {
        JsonNode rows = query("SELECT TOP 5 $id, $ts, temperature FROM " + TEMPLATE
                + " WHERE WITHIN_WINDOW(PT1H) AND temperature >= 10 ORDER BY temperature DESC");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(0).path("$id").asText()).isEqualTo(DEVICE);
        assertThat(rows.get(0).path("temperature").asInt()).isEqualTo(VALUES - 1);
        assertThat(rows.get(0).path("$ts").asText()).endsWith("Z");

        JsonNode aggregates = query("SELECT $id, AVG(temperature), MIN(temperature), MAX(temperature) FROM " + TEMPLATE);
        assertThat(aggregates).isEqualTo(Json.parse("[{\"$id\":\"" + DEVICE + "\",\"avg_temperature\":9.5,"
                + "\"min_temperature\":0,\"max_temperature\":19}]"));
    }

    @Test
    void badQueriesAnswer400WithAPosition() {
        RestClient.Response bad = platform.rest().post("/query?api-version=2022-10-31-preview",
                Map.of("query", "SELECT nothing FROM " + TEMPLATE));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/error/message").asText()).startsWith("at 1:8: unknown name 'nothing'");
    }

    private static JsonNode query(String text) {
        return platform.rest().post("/query?api-version=2022-10-31-preview", Map.of("query", text)).ok()
                .path("results");
    }
}
