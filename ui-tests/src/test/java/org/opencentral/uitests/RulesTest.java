package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.WebhookSink;

/**
 * Rules in a real browser against a real node: an operator builds a threshold rule on a template's
 * telemetry with a webhook to a real receiver, a real MQTT device over TLS goes over the threshold,
 * the list shows the rule firing, the history the value that fired it, and a replay of the last hour
 * charts the temperature with the fire marked; the rule's scope has a device filter (a refused one shows the
 * server's reason under the field). A refusal of the server is shown next to the action it
 * names; a condition names a field of an Object telemetry; a "Send test" of a command action runs on the simulated device picked next to it; the
 * navigation offers rules only to roles that may view them.
 */
@Timeout(180)
class RulesTest extends BrowserTest {
    private static final String THERMOSTAT = "dtmi:com:example:ui:RuleThermostat;1";
    private static final String TEMPLATE_LABEL = "Rule thermostat (" + THERMOSTAT + ")";
    private static final Duration FIRE = Duration.ofSeconds(30);

    private static RestClient rest;
    private static WebhookSink sink;
    private static TestDevice device;
    private static TestDevice quiet;

    @BeforeAll
    static void thermostat() {
        rest = platform.rest();
        publishTemplate(THERMOSTAT, "Rule thermostat", "{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"displayName\":\"Temperature\",\"schema\":\"double\"},"
                + "{\"@type\":\"Telemetry\",\"name\":\"heating\",\"displayName\":\"Heating\",\"schema\":\"boolean\"},"
                + "{\"@type\":\"Telemetry\",\"name\":\"position\",\"displayName\":\"Position\",\"schema\":{\"@type\":\"Object\","
                + "\"fields\":[{\"name\":\"x\",\"displayName\":\"X\",\"schema\":\"double\"}]}},"
                + "{\"@type\":\"Telemetry\",\"name\":\"mode\",\"displayName\":\"Mode\",\"schema\":{\"@type\":\"Enum\","
                + "\"valueSchema\":\"string\",\"enumValues\":[{\"name\":\"eco\",\"displayName\":\"Eco\",\"enumValue\":\"eco\"},"
                + "{\"name\":\"boost\",\"displayName\":\"Boost\",\"enumValue\":\"boost\"}]}}");
        rest.put("/devices/rule-thermo-1", Map.of("displayName", "Rule thermostat 1", "template", THERMOSTAT)).ok();
        String key = rest.get("/devices/rule-thermo-1/credentials").ok().at("/symmetricKey/primaryKey").asText();
        device = TestDevice.overTls(platform, "rule-thermo-1", key);
        device.connect();
        rest.put("/devices/rule-thermo-2", Map.of("displayName", "Rule thermostat 2", "template", THERMOSTAT)).ok();
        quiet = TestDevice.overTls(platform, "rule-thermo-2",
                rest.get("/devices/rule-thermo-2/credentials").ok().at("/symmetricKey/primaryKey").asText());
        quiet.connect();
        sink = new WebhookSink();
    }

    @AfterAll
    static void closeDeviceAndSink() {
        device.close();
        quiet.close();
        sink.close();
    }

    @Test
    void anOperatorBuildsAThresholdRuleWatchesItFireAndReplaysIt() {
        try (BrowserWindow window = session.signedIn(platform.http())
                .expectFailure("POST", "/api/rules/", 404).expectFailure("PUT", "/api/rules/", 400)) {
            RulePage rule = buildTooHot(window, RulesPage.open(window.page()).newRule());
            assertThat(rule.history()).containsText("Nothing yet");

            device.sendTelemetry("{\"temperature\":25}").join();
            device.sendTelemetry("{\"temperature\":31.5}").join();
            await().atMost(FIRE).until(() -> sink.received().size() == 1);
            assertThat(sink.received().getFirst().at("/device/telemetry/temperature/value").asDouble()).isEqualTo(31.5);

            assertThat(rule.state()).hasText("1 device firing", new LocatorAssertions.HasTextOptions().setTimeout(FIRE.toMillis()));
            assertThat(rule.historyRow("fired")).containsText("rule-thermo-1");
            assertThat(rule.historyRow("fired")).containsText("temperature = 31.5");
            assertThat(rule.historyRow("actionSent")).containsText("action 1 (webhook)",
                    new LocatorAssertions.ContainsTextOptions().setTimeout(FIRE.toMillis()));

            replayShowsTheFire(rule);
            window.shot("60-rule-replay");
            sendTestAndRaiseTheThreshold(rule.edit());
            toggleAndDelete(RulesPage.open(window.page()));
        }
    }

    /** Builds "temperature > 30" with a webhook to the sink, checking the operators and values each schema offers. */
    private static RulePage buildTooHot(BrowserWindow window, RuleEditorPage editor) {
        editor.name("Too hot");
        editor.template(TEMPLATE_LABEL);
        editor.chooseInCondition(1, "Telemetry", "Mode (mode)");
        assertThat(editor.conditionOptions(1, "Value")).hasText(new String[] {"Choose", "Eco", "Boost"});
        assertThat(editor.conditionOptions(1, "Operator")).hasText(new String[] {"==", "!="});
        editor.chooseInCondition(1, "Telemetry", "Heating (heating)");
        assertThat(editor.conditionOptions(1, "Value")).hasText(new String[] {"Choose", "true", "false"});
        editor.chooseInCondition(1, "Telemetry", "Temperature (temperature)");
        assertThat(editor.conditionOptions(1, "Operator")).hasText(new String[] {">", ">=", "<", "<=", "==", "!="});
        editor.chooseInCondition(1, "Operator", ">");
        assertThat(editor.conditionField(1, "Value")).hasAttribute("type", "number");
        editor.conditionField(1, "Value").fill("30");
        editor.addAction();
        editor.actionField(1, "URL").fill(sink.url());
        editor.filter("SELECT * FROM devices WHERE nope = 'x'");
        editor.saveRefused();
        assertThat(editor.filterProblem()).containsText("'nope' is not a property or cloud property of " + THERMOSTAT);
        editor.filter("SELECT * FROM devices WHERE $displayName = 'Rule thermostat 1'");
        assertThat(Axe.seriousViolations(editor.page())).isEmpty();
        window.shot("59-rule-editor");
        return editor.save("Too hot");
    }

    private static void replayShowsTheFire(RulePage rule) {
        rule.replay();
        assertThat(rule.replaySummary()).hasText(Pattern.compile("^\\d+ fires? and \\d+ resolves? from \\d+ events read\\.$"));
        rule.replayDevice("rule-thermo-1");
        assertThat(rule.replayRow("fired")).containsText("temperature = 31.5");
        assertThat(rule.replayChart()).hasAttribute("data-marks", Pattern.compile("^fired@\\d+(\\.\\d+)?$"));
        assertThat(rule.replayChart()).hasAttribute("data-points", "2");
        assertThat(rule.replayChart()).hasAttribute("aria-label", Pattern.compile("1 fire and 0 resolves marked, threshold 30"));
        assertThat(Axe.seriousViolations(rule.page())).isEmpty();
    }

    private static void sendTestAndRaiseTheThreshold(RuleEditorPage edit) {
        edit.sendTest(1);
        // The answer of the test endpoint, or its error while the server has none, is shown as given.
        assertThat(edit.testResult(1)).hasText(Pattern.compile("^(Sent\\.|Failed\\.|The test could not run: ).+"));
        edit.conditionField(1, "Value").fill("35");
        RulePage rule = edit.save("Too hot");
        assertThat(rule.facts()).containsText("temperature > 35");
        assertThat(rest.get("/rules/" + ruleIdNamed("Too hot")).ok().at("/actions/0/url").asText())
                .as("an edit that leaves the actions alone keeps them").isEqualTo(sink.url());
        assertThat(rest.get("/rules/" + ruleIdNamed("Too hot")).ok().path("filter").asText())
                .as("the device filter set in the editor").isEqualTo("SELECT * FROM devices WHERE $displayName = 'Rule thermostat 1'");
    }

    private static void toggleAndDelete(RulesPage list) {
        assertThat(list.state("Too hot")).hasText("1 device firing");
        assertThat(list.row("Too hot")).containsText("Rule thermostat");
        assertThat(list.row("Too hot")).not().containsText("—");
        list.toggle("Too hot");
        assertThat(list.enabled("Too hot")).not().isChecked();
        String id = ruleIdNamed("Too hot");
        assertThat(rest.get("/rules/" + id).ok().path("enabled").asBoolean()).isFalse();

        list.delete("Too hot");
        assertThat(list.table()).not().containsText("Too hot");
        assertThat(rest.get("/rules/" + id).status()).isEqualTo(404);
    }

    @Test
    void aReplayOfAnAggregatedRuleChartsTheWindowedAverageWithItsFire() {
        rest.put("/rules/warm-average", Map.of("displayName", "Warm average", "template", THERMOSTAT, "window", "PT1M",
                "conditions", Map.of("items", List.of(Map.of("telemetry", "temperature", "aggregation", "avg",
                        "operator", ">", "value", 27))))).ok();
        quiet.sendTelemetry("{\"temperature\":20}").join();
        quiet.sendTelemetry("{\"temperature\":50}").join();
        try (BrowserWindow window = session.signedIn(platform.http())) {
            RulePage rule = RulesPage.open(window.page()).open("Warm average");
            // A replay's time runs on to its end: past the values' window and its lateness, the window closes.
            rule.replayUntil(LocalDateTime.now().plusMinutes(3));
            rule.replayDevice("rule-thermo-2");
            // 20 and 50 fall in one window (average 35) or in two (the second's 50): one fire either way,
            // then an empty window resolves it.
            assertThat(rule.replayChart()).hasAttribute("aria-label", Pattern.compile(
                    "^Line chart of avg\\(temperature\\) per PT1M of rule-thermo-2, [12] points?, 1 fire and [01] resolves? marked, threshold 27$"));
            assertThat(rule.replayRow("fired")).containsText("avg(temperature) = ");
        }
    }

    @Test
    void aSendTestOfACommandActionRunsOnTheDeviceChosen() {
        String fan = "dtmi:com:example:ui:RuleFan;1";
        publishTemplate(fan, "Rule fan", "{\"@type\":\"Telemetry\",\"name\":\"speed\",\"schema\":\"double\"},"
                + "{\"@type\":\"Command\",\"name\":\"reboot\",\"displayName\":\"Reboot\"}");
        rest.put("/devices/rule-fan-1", Map.of("displayName", "Rule fan 1", "template", fan, "simulated", true)).ok();
        rest.put("/rules/fan-reboot", Map.of("displayName", "Fan reboot", "template", fan,
                "conditions", Map.of("items", List.of(Map.of("telemetry", "speed", "operator", ">", "value", 100))),
                "actions", List.of(Map.of("type", "command", "command", "reboot")))).ok();
        try (BrowserWindow window = session.signedIn(platform.http())) {
            RuleEditorPage edit = RulesPage.open(window.page()).open("Fan reboot").edit();
            assertThat(edit.actionField(1, "Test on device").locator("option")).hasText(new String[] {"Rule fan 1 (rule-fan-1)"});
            edit.testDevice(1, "Rule fan 1 (rule-fan-1)");
            edit.sendTest(1);
            assertThat(edit.testResult(1)).hasText(Pattern.compile("^Sent\\."));
            assertThat(Axe.seriousViolations(edit.page())).isEmpty();
        }
        assertThat(rest.get("/auditLogs").ok().path("value")).anySatisfy(entry -> {
            assertThat(entry.path("actor").asText()).isEqualTo("rule:fan-reboot");
            assertThat(entry.path("target").asText()).isEqualTo("/api/devices/rule-fan-1/commands/reboot");
        });
    }

    @Test
    void aConditionComparesAFieldOfAnObjectTelemetry() {
        try (BrowserWindow window = session.signedIn(platform.http())) {
            RuleEditorPage editor = RulesPage.open(window.page()).newRule();
            editor.name("Moved");
            editor.template(TEMPLATE_LABEL);
            editor.chooseInCondition(1, "Telemetry", "Position › X (position.x)");
            assertThat(editor.conditionOptions(1, "Operator")).hasText(new String[] {">", ">=", "<", "<=", "==", "!="});
            editor.conditionField(1, "Value").fill("5");
            RulePage rule = editor.save("Moved");
            assertThat(rule.facts()).containsText("position.x > 5");
        }
        assertThat(rest.get("/rules/" + ruleIdNamed("Moved")).ok().at("/conditions/items/0/member").asText()).isEqualTo("x");
    }

    @Test
    void aRefusalIsShownNextToTheActionItNames() {
        try (BrowserWindow window = session.signedIn(platform.http()).expectFailure("PUT", "/api/rules/", 400)) {
            RuleEditorPage editor = RulesPage.open(window.page()).newRule();
            editor.name("Mail when quiet");
            editor.template(TEMPLATE_LABEL);
            editor.chooseInCondition(1, "Kind", "No telemetry for");
            editor.chooseInCondition(1, "Telemetry", "Temperature (temperature)");
            editor.conditionField(1, "Minutes").fill("5");
            editor.addAction();
            editor.chooseInAction(1, "Type", "Email");
            editor.actionField(1, "To (addresses, separated by commas)").fill("ops@example.com");
            editor.saveRefused();

            // The test node has no SMTP server, so the server refuses the email action.
            assertThat(editor.actionProblem(1)).containsText("actions[0]: email actions need an SMTP server");
            assertThat(editor.conditionProblem(1)).hasCount(0);
        }
    }

    @Test
    void theNavigationOffersRulesOnlyToRolesThatMayViewThem() {
        rest.put("/roles/device-viewers", Map.of("displayName", "Device viewers", "permissions", List.of("devices.view"))).ok();
        rest.put("/users/viewer", Map.of("type", "email", "email", "viewer@example.com", "password", "a-long-viewer-password",
                "roles", List.of(Map.of("role", "device-viewers")))).ok();
        try (BrowserWindow window = session.open(platform.http())) {
            SignInPage.open(window.page()).submit("viewer@example.com", "a-long-viewer-password");
            AppShell shell = new AppShell(window.page());
            assertThat(shell.navigationLink("Devices")).isVisible();
            assertThat(shell.navigationLink("Rules")).hasCount(0);
        }
        try (BrowserWindow window = session.signedIn(platform.http())) {
            assertThat(new AppShell(window.page()).navigationLink("Rules")).isVisible();
        }
    }

    private static String ruleIdNamed(String name) {
        for (var rule : rest.get("/rules").ok().path("value")) {
            if (rule.path("displayName").asText().equals(name)) {
                return rule.path("id").asText();
            }
        }
        throw new AssertionError("no rule named " + name);
    }
}
