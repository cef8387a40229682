package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.server.testkit.RestClient;
import org.opencentral.server.testkit.TestDevice;
import org.opencentral.server.testkit.TestPlatform;

/**
 * The Plug and Play story end to end, over a real MQTT/TLS client: a device announcing the
 * TemperatureController model gets that template (imported from the model folder), its component
 * telemetry lands under the component, unmodeled telemetry is kept and counted, and a writable
 * component property makes the round trip to an accepted ack visible through the API.
 */
@Timeout(120)
class PlugAndPlayTest {
    static final Path MODEL_REPO = Path.of("../testdata/dtdl");
    static final String CONTROLLER = "dtmi:com:example:TemperatureController;2";
    static TestPlatform platform;
    static RestClient rest;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(config -> config.withModelRepo(Optional.of(MODEL_REPO)));
        rest = platform.rest();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aTemperatureControllerGetsItsTemplateTelemetryAndWritableProperties() {
        String key = platform.createDevice("controller-1");
        try (TestDevice device = TestDevice.overTls(platform, "controller-1", key)) {
            device.connectAnnouncing(CONTROLLER);
            device.subscribeToTwin();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    rest.get("/devices/controller-1").ok().path("template").asText()).isEqualTo(CONTROLLER));
            JsonNode template = rest.get("/deviceTemplates/" + encoded(CONTROLLER)).ok();
            assertThat(template.at("/@type/0").asText()).isEqualTo("ModelDefinition");
            assertThat(template.at("/capabilityModel/@id").asText()).isEqualTo(CONTROLLER);

            device.sendTelemetry("thermostat1", "{\"temperature\": 21.5}").join();
            device.sendTelemetry("{\"workingSet\": 1024, \"fanSpeed\": 3}").join();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(rest
                    .get("/devices/controller-1/components/thermostat1/telemetry/temperature").ok()
                    .path("value").asDouble()).isEqualTo(21.5));
            // the second message may reach the last-values consumer in its next batch
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(rest
                    .get("/devices/controller-1/telemetry/fanSpeed").ok().path("value").asInt()).isEqualTo(3));
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                JsonNode issues = rest.get("/devices/controller-1/telemetryIssues").ok();
                assertThat(issues.path("unmodeledCount").asLong()).isEqualTo(1);
                assertThat(issues.at("/value/0/name").asText()).isEqualTo("fanSpeed");
            });

            JsonNode accepted = rest.patch("/devices/controller-1/components/thermostat1/properties",
                    Map.of("targetTemperature", 25.5)).ok();
            long version = accepted.at("/$metadata/targetTemperature/desiredVersion").asLong();
            JsonNode patch = device.awaitDesiredPatch();
            assertThat(patch.at("/thermostat1/__t").asText()).isEqualTo("c");
            assertThat(patch.at("/thermostat1/targetTemperature").asDouble()).isEqualTo(25.5);
            assertThat(patch.path("$version").asLong()).isEqualTo(version);
            assertThat(state("targetTemperature")).isEqualTo("pending");

            device.reportProperties("{\"thermostat1\": {\"__t\": \"c\", \"targetTemperature\": {\"value\": 25.5, "
                    + "\"ac\": 200, \"av\": " + version + ", \"ad\": \"completed\"}}}");

            JsonNode properties = rest.get("/devices/controller-1/components/thermostat1/properties").ok();
            assertThat(properties.path("targetTemperature").asDouble()).isEqualTo(25.5);
            assertThat(properties.at("/$metadata/targetTemperature/ackCode").asInt()).isEqualTo(200);
            assertThat(properties.at("/$metadata/targetTemperature/state").asText()).isEqualTo("accepted");
        }
    }

    @Test
    void aDeviceAnnouncingAnUnknownModelStaysUnassigned() {
        String key = platform.createDevice("unknown-model");
        try (TestDevice device = TestDevice.overTls(platform, "unknown-model", key)) {
            device.connectAnnouncing("dtmi:com:example:Nowhere;1");
            device.sendTelemetry("{\"temperature\": 1}").join();

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                    rest.get("/devices/unknown-model/telemetry/temperature").status()).isEqualTo(200));
            assertThat(rest.get("/devices/unknown-model").ok().has("template")).isFalse();
            assertThat(rest.get("/deviceTemplates/" + encoded("dtmi:com:example:Nowhere;1")).status()).isEqualTo(404);
        }
    }

    private static String state(String property) {
        return rest.get("/devices/controller-1/components/thermostat1/properties").ok()
                .at("/$metadata/" + property + "/state").asText();
    }

    private static String encoded(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
