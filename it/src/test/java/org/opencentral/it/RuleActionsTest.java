package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.testing.HttpReceiver;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * Rules acting on devices, end to end: a real server, real MQTT devices over TLS, a device group
 * and cloud properties written over REST, a webhook receiver for what runs when a rule resolves.
 */
@Timeout(120)
class RuleActionsTest {
    static final String TEMPLATE = "dtmi:rules:Boiler;1";
    static final String MODEL = """
            {"@id": "dtmi:rules:Boiler_cm;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
             "contents": [
               {"@type": "Telemetry", "name": "temperature", "schema": "double"},
               {"@type": "Property", "name": "target", "schema": "double", "writable": true},
               {"@type": ["Property", "Cloud"], "name": "limit", "schema": "double"},
               {"@type": ["Property", "Cloud"], "name": "site", "schema": "string"},
               {"@type": "Command", "name": "reboot", "request": {"name": "delay", "schema": "integer"}}]}
            """;

    final ManualClock clock = ManualClock.startingNow();
    final HttpReceiver receiver = HttpReceiver.start();
    final List<String> northCalls = new CopyOnWriteArrayList<>();
    final List<String> southCalls = new CopyOnWriteArrayList<>();
    TestPlatform platform;
    RestClient rest;
    TestDevice north;
    TestDevice south;

    @BeforeEach
    void start() {
        platform = TestPlatform.start(config -> config, clock);
        rest = platform.rest();
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8),
                Json.parse("{\"displayName\":\"Boiler\",\"capabilityModel\":" + MODEL + "}")).ok();
        north = device("boiler-north", "north");
        south = device("boiler-south", "south");
        north.answerMethods(Duration.ZERO, northCalls::add);
        south.answerMethods(Duration.ZERO, southCalls::add);
        rest.put("/deviceGroups/north", Map.of("displayName", "North",
                "filter", "SELECT * FROM devices WHERE site = \"north\"")).ok();
    }

    @AfterEach
    void stop() {
        north.close();
        south.close();
        platform.close();
        receiver.close();
    }

    @Test
    void aGroupRuleComparedWithACloudPropertyRunsItsCommandOnTheMemberAndItsResolveWebhook() {
        rest.put("/rules/overheat", Json.parse("{\"template\": \"" + TEMPLATE + "\", \"group\": \"north\", "
                + "\"conditions\": {\"items\": [{\"telemetry\": \"temperature\", \"operator\": \">\", "
                + "\"compareTo\": {\"cloudProperty\": \"limit\"}}]}, \"actions\": ["
                + "{\"type\": \"command\", \"command\": \"reboot\", \"request\": 5}, "
                + "{\"type\": \"webhook\", \"url\": \"" + hook() + "\", \"on\": \"resolve\"}]}")).ok();

        send(south, 99);
        send(north, 29);
        send(north, 31);

        await().atMost(Duration.ofSeconds(30)).until(() -> kinds("overheat").equals(List.of("fired", "actionSent")));
        assertThat(northCalls).containsExactly("reboot");
        assertThat(southCalls).isEmpty();
        assertThat(rest.get("/auditLogs").ok().path("value")).anySatisfy(entry -> {
            assertThat(entry.path("actor").asText()).isEqualTo("rule:overheat");
            assertThat(entry.path("target").asText()).isEqualTo("/api/devices/boiler-north/commands/reboot");
        });

        send(north, 25);
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.waiting() == 1);
        JsonNode resolved = receiver.take().orElseThrow().json();
        assertThat(resolved.path("state").asText()).isEqualTo("resolved");
        assertThat(resolved.at("/device/id").asText()).isEqualTo("boiler-north");
        assertThat(kinds("overheat")).containsExactly("fired", "actionSent", "resolved", "actionSent");
    }

    @Test
    void aPropertyActionReachesTheDeviceAndACommandToAnOfflineDeviceIsARecordedFailure() {
        north.subscribeToTwin();
        rest.put("/rules/cool-down", Json.parse("{\"template\": \"" + TEMPLATE + "\", \"conditions\": {\"items\": "
                + "[{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 80}]}, \"actions\": ["
                + "{\"type\": \"property\", \"property\": \"target\", \"value\": 18.5}, "
                + "{\"type\": \"command\", \"command\": \"reboot\"}]}")).ok();
        south.close();

        send(north, 81);

        assertThat(north.awaitDesiredPatch().path("target").asDouble()).isEqualTo(18.5);
        await().atMost(Duration.ofSeconds(30)).until(() -> kinds("cool-down").size() == 3);
        assertThat(northCalls).containsExactly("reboot");
        JsonNode outcome = rest.post("/rules/cool-down/actions/1/test", Map.of("device", "boiler-south")).ok();
        assertThat(outcome.path("outcome").asText()).isEqualTo("failed");
        assertThat(outcome.path("detail").asText()).isEqualTo("device offline");
    }

    private TestDevice device(String id, String site) {
        rest.put("/devices/" + id, Map.of("displayName", id, "template", TEMPLATE)).ok();
        rest.patch("/devices/" + id + "/properties", Map.of("site", site, "limit", 30)).ok();
        String key = rest.get("/devices/" + id + "/credentials").ok().at("/symmetricKey/primaryKey").asText();
        TestDevice device = TestDevice.overTls(platform, id, key);
        device.connect();
        return device;
    }

    private String hook() {
        return receiver.url("/hook");
    }

    private static void send(TestDevice device, double temperature) {
        device.sendTelemetry("{\"temperature\": " + temperature + "}").join();
    }

    /** The kinds of the rule's history, oldest first. */
    private List<String> kinds(String rule) {
        List<String> kinds = new ArrayList<>();
        rest.get("/rules/" + rule + "/history").ok().path("value").forEach(e -> kinds.addFirst(e.path("kind").asText()));
        return kinds;
    }
}
