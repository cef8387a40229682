package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.server.testkit.RestClient;
import org.opencentral.server.testkit.TestDevice;
import org.opencentral.server.testkit.TestPlatform;

/**
 * Rules end to end: a real server on a clock the test moves, a real MQTT device over TLS, rules
 * written over REST, and their history read back over REST.
 */
@Timeout(120)
class RulesTest {
    static final String TEMPLATE = "dtmi:rules:Thermostat;1";
    static final String MODEL = "{\"@id\":\"dtmi:rules:Thermostat_cm;1\",\"@type\":\"Interface\",\"@context\":"
            + "\"dtmi:dtdl:context;2\",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"temperature\","
            + "\"schema\":\"double\"}]}";

    final ManualClock clock = ManualClock.startingNow();
    TestPlatform platform;
    RestClient rest;
    TestDevice device;

    @BeforeEach
    void start() {
        platform = TestPlatform.start(UnaryOperator.identity(), clock);
        rest = platform.rest();
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8),
                Json.parse("{\"displayName\":\"Thermostat\",\"capabilityModel\":" + MODEL + "}")).ok();
        rest.put("/devices/thermo-1", Map.of("displayName", "Thermostat 1", "template", TEMPLATE)).ok();
        String key = rest.get("/devices/thermo-1/credentials").ok().at("/symmetricKey/primaryKey").asText();
        device = TestDevice.overTls(platform, "thermo-1", key);
        device.connect();
    }

    @AfterEach
    void stop() {
        device.close();
        platform.close();
    }

    @Test
    void aThresholdRuleFiresOnceWhileTheTemperatureStaysHigh() {
        putRule("too-hot", "{\"telemetry\":\"temperature\",\"operator\":\">\",\"value\":30}", "");

        send(25);
        send(31.5);
        send(33);

        awaitHistory("too-hot", 1);
        JsonNode fired = history("too-hot").get(0);
        assertThat(fired.path("kind").asText()).isEqualTo("fired");
        assertThat(fired.path("device").asText()).isEqualTo("thermo-1");
        assertThat(fired.at("/telemetry/temperature").asDouble()).isEqualTo(31.5);
        assertThat(kinds("too-hot")).containsExactly("fired");
    }

    @Test
    void anAggregatedOneMinuteAverageFiresWhenItsWindowCloses() {
        putRule("hot-average", "{\"telemetry\":\"temperature\",\"aggregation\":\"avg\",\"operator\":\">\","
                + "\"value\":30}", "\"window\":\"PT1M\",\"lateness\":\"PT5S\",");

        send(20);
        send(50);
        send(32);
        assertThat(kinds("hot-average")).isEmpty();
        clock.advance(Duration.ofSeconds(65)); // past the end of the values' window and its lateness

        awaitHistory("hot-average", 1);
        JsonNode fired = history("hot-average").get(0);
        assertThat(fired.at("/telemetry/temperature/avg").asDouble()).isEqualTo(34.0);
        assertThat(fired.at("/window/end").asText()).isEqualTo(fired.path("time").asText());

        clock.advance(Duration.ofMinutes(1)); // the next window holds nothing: the condition no longer holds
        awaitHistory("hot-average", 2);
        assertThat(kinds("hot-average")).containsExactly("fired", "resolved");
    }

    @Test
    void anAbsenceFiresWhenTheDeviceGoesQuietAndResolvesWhenItSpeaksAgain() {
        putRule("silent", "{\"absence\":\"temperature\",\"duration\":\"PT10M\"}", "");
        send(21);
        await().atMost(Duration.ofSeconds(30)).until(this::engineHasRead);

        clock.advance(Duration.ofMinutes(11));
        awaitHistory("silent", 1);
        send(22);

        awaitHistory("silent", 2);
        assertThat(kinds("silent")).containsExactly("fired", "resolved");
    }

    private boolean engineHasRead() {
        String metrics = metricsText();
        return metrics.contains("opencentral_rules_lag_events 0.0");
    }

    private String metricsText() {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            return client.send(java.net.http.HttpRequest.newBuilder(platform.http().resolve("/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void putRule(String id, String item, String extra) {
        rest.put("/rules/" + id, Json.parse("{" + extra + "\"displayName\":\"" + id + "\",\"template\":\"" + TEMPLATE
                + "\",\"conditions\":{\"match\":\"all\",\"items\":[" + item + "]}}")).ok();
    }

    private void send(double temperature) {
        device.sendTelemetry("{\"temperature\": " + temperature + "}").join();
    }

    private JsonNode history(String rule) {
        return rest.get("/rules/" + rule + "/history").ok().path("value");
    }

    /** The kinds, oldest first. */
    private List<String> kinds(String rule) {
        List<String> kinds = new ArrayList<>();
        history(rule).forEach(entry -> kinds.addFirst(entry.path("kind").asText()));
        return kinds;
    }

    private void awaitHistory(String rule, int entries) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(rule)).hasSize(entries));
    }
}
