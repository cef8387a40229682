package org.opencentral.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.core.rule.RuleInstance;

/**
 * The index of thresholds ({@link RuleIndex}): an event is compared only with the rules it can trip
 * and with the device's firing instances, and the engine fires and resolves exactly as when every
 * rule saw every event.
 */
@Timeout(60)
class RuleIndexTest extends RuleEngineFixture {
    private static final String[] OPERATORS = {">", ">=", "<", "<=", "==", "!="};

    @Test
    void equalThresholdsAndEveryOperatorTripExactlyAsTheComparisonSays() {
        for (String operator : OPERATORS) {
            put(operator.replace(">", "gt").replace("<", "lt").replace("=", "eq").replace("!", "not") + "-a",
                    operator, 30);
            put(operator.replace(">", "gt").replace("<", "lt").replace("=", "eq").replace("!", "not") + "-b",
                    operator, 30);
        }
        DeviceId below = device("below");
        DeviceId at = device("at");
        DeviceId above = device("above");

        send(below, "{\"temperature\": 29.5}");
        send(at, "{\"temperature\": 30}");
        send(above, "{\"temperature\": 30.5}");

        assertThat(firedFor("gt-a")).containsExactly(above);
        assertThat(firedFor("gteq-a")).containsExactlyInAnyOrder(at, above);
        assertThat(firedFor("lt-a")).containsExactly(below);
        assertThat(firedFor("lteq-a")).containsExactlyInAnyOrder(below, at);
        assertThat(firedFor("eqeq-a")).containsExactly(at);
        assertThat(firedFor("noteq-a")).containsExactlyInAnyOrder(below, above);
        for (String operator : List.of("gt", "gteq", "lt", "lteq", "eqeq", "noteq")) {
            assertThat(firedFor(operator + "-b")).as(operator + ": the same constant twice")
                    .containsExactlyInAnyOrderElementsOf(firedFor(operator + "-a"));
        }
    }

    @Test
    void theIndexFindsWhatComparingWithEveryRuleFinds() {
        Random random = new Random(14);
        for (int k = 0; k < 120; k++) {
            double constant = random.nextInt(9) - 4 + (random.nextBoolean() ? 0 : 0.5);
            put(String.format(Locale.ROOT, "r%03d", k), OPERATORS[random.nextInt(OPERATORS.length)],
                    constant == 0 && random.nextBoolean() ? -0.0 : constant);
        }
        String items = "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 1}, "
                + "{\"telemetry\": \"status\", \"operator\": \"==\", \"value\": \"on\"}";
        rules.put("any", Json.parse(rule("", items).replace("\"all\"", "\"any\"")));
        LoadedRules loaded = new LoadedRules(state.rules(), stores.edits);
        loaded.refresh();
        LoadedRules.Scope scope = loaded.forTemplate(RuleStores.TEMPLATE);
        KnownDevices facts = new KnownDevices(stores.enginePorts().devices());

        for (int v = 0; v < 400; v++) {
            JsonNode value = DoubleNode.valueOf((random.nextInt(21) - 10) / 2.0);
            Observation.Telemetry observation = new Observation.Telemetry(clock.instant(), "",
                    Map.of("temperature", value));
            BitSet expected = new BitSet();
            for (int i = 0; i < scope.rules().size(); i++) {
                RuleEvaluator evaluator = scope.rules().get(i).evaluator();
                if (evaluator.remembers() || evaluator.starts(observation, facts, DEVICE)) {
                    expected.set(i);
                }
            }
            assertThat(scope.index().candidates(observation)).as("value " + value).isEqualTo(expected);
        }
        BitSet remembering = new BitSet();
        for (int i = 0; i < scope.rules().size(); i++) {
            remembering.set(i, scope.rules().get(i).evaluator().remembers());
        }
        assertThat(remembering.cardinality()).isEqualTo(1);
        assertThat(scope.index().candidates(new Observation.Telemetry(clock.instant(), "",
                Map.of("temperature", Json.parse("\"hot\""))))).as("not a number: only the rule that remembers")
                .isEqualTo(remembering);
    }

    @Test
    void aFiringInstanceSeesTheValuesThatNoLongerTripItAndResolves() {
        rules.put("hot", Json.parse(rule("\"resolveAfter\": \"PT1M\"",
                "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")));
        put("other", ">", 100);

        send("{\"temperature\": 31}");
        send("{\"temperature\": 20}");
        clock.advance(Duration.ofSeconds(30));
        send("{\"temperature\": 32}");
        send("{\"temperature\": 20}");
        clock.advance(Duration.ofSeconds(59));
        engine.runOnce();
        assertThat(instance("hot").status()).as("quiet since the last value above 30, not the first")
                .isEqualTo(RuleInstance.Status.FIRING);
        clock.advance(Duration.ofSeconds(1));
        engine.runOnce();

        assertThat(kinds("hot")).containsExactly(Kind.FIRED, Kind.RESOLVED);
        assertThat(kinds("other")).isEmpty();
    }

    @Test
    void thresholdsAndRulesThatRememberMixInOneTemplate() {
        put("hot", ">", 30);
        String items = "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}, "
                + "{\"telemetry\": \"position\", \"member\": \"x\", \"operator\": \">=\", \"value\": 5}";
        rules.put("all", Json.parse(rule("", items)));
        rules.put("any", Json.parse(rule("", items).replace("\"all\"", "\"any\"")));
        put("far", ">=", 5, "\"member\": \"x\", ", "position");

        send("{\"position\": {\"x\": 5}}");
        assertThat(kinds("far")).containsExactly(Kind.FIRED);
        assertThat(kinds("any")).containsExactly(Kind.FIRED);
        assertThat(kinds("all")).isEmpty();
        assertThat(kinds("hot")).isEmpty();

        send("{\"temperature\": 31}");
        assertThat(kinds("hot")).containsExactly(Kind.FIRED);
        assertThat(kinds("all")).as("remembers the position seen before").containsExactly(Kind.FIRED);
    }

    @Test
    void rulesAddedEditedAndDisabledWhileTheEngineRunsAreIndexedAgain() {
        rules.put("hot", Json.parse(rule("\"resolveAfter\": \"PT1M\"",
                "{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")));
        send("{\"temperature\": 40}");
        assertThat(kinds("hot")).containsExactly(Kind.FIRED);

        put("hotter", ">", 35);
        send("{\"temperature\": 40}");
        assertThat(kinds("hotter")).as("added while running").containsExactly(Kind.FIRED);

        rules.patch("hot", Json.parse("{\"conditions\": {\"match\": \"all\", \"items\": [{\"telemetry\": "
                + "\"temperature\", \"operator\": \">\", \"value\": 50}]}}"));
        send("{\"temperature\": 40}");
        clock.advance(Duration.ofMinutes(1));
        engine.runOnce();
        assertThat(kinds("hot")).as("edited: its condition became false, the firing instance resolves")
                .containsExactly(Kind.FIRED, Kind.RESOLVED);
        send("{\"temperature\": 51}");
        assertThat(kinds("hot")).containsExactly(Kind.FIRED, Kind.RESOLVED, Kind.FIRED);

        rules.patch("hotter", Json.parse("{\"enabled\": false}"));
        DeviceId other = otherDevice();
        send(other, "{\"temperature\": 60}");
        assertThat(firedFor("hotter")).as("disabled").containsExactly(DEVICE);
        rules.patch("hotter", Json.parse("{\"enabled\": true}"));
        send(other, "{\"temperature\": 60}");
        assertThat(firedFor("hotter")).as("enabled again").containsExactlyInAnyOrder(DEVICE, other);
    }

    private void put(String id, String operator, double value) {
        put(id, operator, value, "", "temperature");
    }

    private void put(String id, String operator, double value, String member, String telemetry) {
        rules.put(id, Json.parse(rule("", String.format(Locale.ROOT,
                "{\"telemetry\": \"%s\", %s\"operator\": \"%s\", \"value\": %s}", telemetry, member, operator,
                Double.toString(value)))));
    }

    private DeviceId device(String name) {
        DeviceId id = DeviceId.of(name);
        device(id);
        return id;
    }

    private List<DeviceId> firedFor(String rule) {
        List<DeviceId> devices = new ArrayList<>();
        history(rule).stream().filter(e -> e.kind() == Kind.FIRED).forEach(e -> devices.add(e.device()));
        return devices;
    }
}
