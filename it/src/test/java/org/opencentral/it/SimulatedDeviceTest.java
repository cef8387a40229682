package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestPlatform;

/**
 * A device created with {@code simulated: true} and the Thermostat template is driven by the
 * server: its telemetry appears, its read-only property is reported, a writable property is
 * acknowledged and a command is answered, with no device connected. Simulated devices send every
 * second here ({@code --simulation-interval 1}).
 */
@Timeout(120)
class SimulatedDeviceTest {
    static final Path THERMOSTAT_MODEL = Path.of("../testdata/dtdl/dtmi/com/example/thermostat-1.json");
    static final String THERMOSTAT = "dtmi:com:example:Thermostat;1";
    static final Duration PATIENCE = Duration.ofSeconds(20);
    static TestPlatform platform;
    static RestClient rest;

    @BeforeAll
    static void start() throws Exception {
        platform = TestPlatform.start(config -> config.toBuilder().simulationInterval(Duration.ofSeconds(1)).build());
        rest = platform.rest();
        ObjectNode template = Json.object();
        template.putArray("@type").add("ModelDefinition").add("DeviceModel");
        template.put("displayName", "Thermostat");
        template.set("capabilityModel", Json.parse(Files.readString(THERMOSTAT_MODEL)));
        rest.put("/deviceTemplates/" + URLEncoder.encode(THERMOSTAT, StandardCharsets.UTF_8), template).ok();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aSimulatedThermostatSendsTelemetryAcknowledgesPropertiesAndAnswersCommands() {
        rest.put("/devices/sim-1", Map.of("displayName", "Simulated thermostat", "template", THERMOSTAT,
                "simulated", true)).ok();

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                rest.get("/devices/sim-1/telemetry/temperature").ok().path("value").asDouble()).isBetween(15.0, 30.0));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                rest.get("/devices/sim-1/properties").ok().path("maxTempSinceLastReboot").isNumber()).isTrue());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(metrics())
                .containsPattern("opencentral_simulation_devices [1-9]")
                .containsPattern("opencentral_simulation_messages_total [1-9]"));
        String first = rest.get("/devices/sim-1/telemetry/temperature").ok().path("timestamp").asText();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                rest.get("/devices/sim-1/telemetry/temperature").ok().path("timestamp").asText()).isNotEqualTo(first));

        rest.patch("/devices/sim-1/properties", Map.of("targetTemperature", 23.5)).ok();
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode properties = rest.get("/devices/sim-1/properties").ok();
            assertThat(properties.path("targetTemperature").asDouble()).isEqualTo(23.5);
            assertThat(properties.at("/$metadata/targetTemperature/state").asText()).isEqualTo("accepted");
            assertThat(properties.at("/$metadata/targetTemperature/ackCode").asInt()).isEqualTo(200);
        });

        RestClient.Response command = rest.post("/devices/sim-1/commands/getMaxMinReport",
                Map.of("request", "2026-01-01T00:00:00Z"));
        assertThat(command.status()).isEqualTo(201);
        assertThat(command.body().path("responseCode").asInt()).isEqualTo(200);
        assertThat(command.body().at("/response/maxTemp").isNumber()).isTrue();
        assertThat(command.body().at("/response/startTime").asText()).isNotBlank();
    }

    @Test
    void turningTheSimulationOffStopsAnsweringCommands() {
        rest.put("/devices/sim-2", Map.of("template", THERMOSTAT, "simulated", true)).ok();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                rest.get("/devices/sim-2/telemetry/temperature").status()).isEqualTo(200));

        rest.patch("/devices/sim-2", Map.of("simulated", false)).ok();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rest.post(
                "/devices/sim-2/commands/getMaxMinReport", Map.of()).status()).isEqualTo(404));
    }

    private static String metrics() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(platform.http().resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
    }
}
