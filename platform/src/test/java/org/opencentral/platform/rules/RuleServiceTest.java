package org.opencentral.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.store.StateStore;

/** Rules checked against a published template over a real SQLite state store. */
@Timeout(30)
class RuleServiceTest {
    static final String TEMPLATE = RuleStores.TEMPLATE;

    @TempDir
    Path dir;
    RuleStores stores;
    StateStore state;
    RuleService rules;

    @BeforeEach
    void open() {
        stores = new RuleStores(dir, Clock.systemUTC());
        state = stores.state;
        rules = stores.rules();
    }

    @AfterEach
    void close() {
        stores.close();
    }

    static String rule(String items) {
        return "{\"template\": \"" + TEMPLATE + "\", \"conditions\": {\"match\": \"any\", \"items\": [" + items + "]}}";
    }

    @Test
    void aRuleOverEveryKindOfConditionIsStoredAndReadBack() {
        var saved = rules.put("watch", Json.parse(rule("""
                {"telemetry": "temperature", "operator": ">", "value": 30},
                {"telemetry": "level", "component": "sensor", "operator": "<=", "value": 2},
                {"telemetry": "status", "operator": "contains", "value": "fault"},
                {"telemetry": "mode", "operator": "==", "value": "cool"},
                {"property": "firmware", "operator": "!=", "value": "1.0"},
                {"cloudProperty": "limit", "operator": ">=", "value": 5},
                {"connectivity": "disconnected"},
                {"absence": "door", "duration": "PT10M"}""")));

        assertThat(saved.created()).isTrue();
        assertThat(rules.get("watch")).isEqualTo(saved.rule());
        assertThat(saved.rule().conditions().items().get(7))
                .isEqualTo(new Condition.Absence(org.opencentral.core.rule.Capability.of("door"), Duration.ofMinutes(10)));
        assertThat(rules.put("watch", Json.parse(rule("{\"connectivity\": \"connected\"}"))).created()).isFalse();
    }

    @Test
    void anUnknownCapabilityIsABadRequestNamingTheItem() {
        assertBad(rule("{\"connectivity\": \"connected\"}, {\"telemetry\": \"humidity\", \"operator\": \">\", \"value\": 1}"),
                "conditions.items[1]: the template has no telemetry 'humidity'");
        assertBad(rule("{\"telemetry\": \"level\", \"component\": \"other\", \"operator\": \">\", \"value\": 1}"),
                "conditions.items[0]: the template has no component 'other'");
        assertBad(rule("{\"property\": \"limit\", \"operator\": \">\", \"value\": 1}"),
                "conditions.items[0]: the template has no device property 'limit'");
        assertBad(rule("{\"absence\": \"firmware\", \"duration\": \"PT1M\"}"),
                "conditions.items[0]: the template has no telemetry 'firmware'");
        assertBad(rule("{\"connectivity\": \"connected\"}").replace(TEMPLATE, "dtmi:rules:none;1"),
                "template 'dtmi:rules:none;1' is not a published device template");
    }

    @Test
    void anOperatorOrValueThatDoesNotFitTheSchemaIsABadRequestNamingTheItem() {
        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \"contains\", \"value\": 3}"),
                "conditions.items[0]: 'contains' does not apply to a number");
        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": \"hot\"}"),
                "conditions.items[0]: compares a number with a number");
        assertBad(rule("{\"telemetry\": \"status\", \"operator\": \">\", \"value\": \"a\"}"),
                "conditions.items[0]: '>' does not apply to a string");
        assertBad(rule("{\"telemetry\": \"door\", \"operator\": \"<\", \"value\": true}"),
                "conditions.items[0]: '<' does not apply to a boolean (use == or !=)");
        assertBad(rule("{\"telemetry\": \"mode\", \"operator\": \"==\", \"value\": \"auto\"}"),
                "conditions.items[0]: value \"auto\" is not one of the enum's values [\"heat\", \"cool\"]");
        assertBad(rule("{\"telemetry\": \"position\", \"operator\": \"==\", \"value\": 1}"),
                "conditions.items[0]: a capability of schema object is not a condition");
    }

    @Test
    void aggregationsFitNumbersAndCountFitsAnything() {
        String window = "\"window\": \"PT5M\", ";
        rules.put("avg", Json.parse(rule("{\"telemetry\": \"temperature\", \"aggregation\": \"avg\", "
                + "\"operator\": \">\", \"value\": 30}").replace("{\"template\"", "{" + window + "\"template\"")));
        rules.put("count", Json.parse(rule("{\"telemetry\": \"status\", \"aggregation\": \"count\", "
                + "\"operator\": \">\", \"value\": 3}").replace("{\"template\"", "{" + window + "\"template\"")));

        assertThat(rules.get("avg").window()).contains(Duration.ofMinutes(5));
        assertBad(rule("{\"telemetry\": \"status\", \"aggregation\": \"max\", \"operator\": \">\", \"value\": 1}")
                .replace("{\"template\"", "{" + window + "\"template\""),
                "conditions.items[0]: aggregation 'max' needs numeric telemetry");
    }

    @Test
    void aPatchMergesIntoTheRuleAndIsCheckedAgain() {
        rules.put("hot", Json.parse(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")));

        var patched = rules.patch("hot", Json.parse("{\"displayName\": \"Hot\", \"enabled\": false, "
                + "\"conditions\": {\"match\": \"all\"}}"));

        assertThat(patched.displayName()).isEqualTo("Hot");
        assertThat(patched.enabled()).isFalse();
        assertThat(rules.get("hot").conditions().items()).hasSize(1);
        assertThatThrownBy(() -> rules.patch("hot", Json.parse("{\"conditions\": {\"items\": "
                + "[{\"telemetry\": \"nope\", \"operator\": \">\", \"value\": 1}]}}")))
                .hasMessage("conditions.items[0]: the template has no telemetry 'nope'");
        assertThat(rules.get("hot")).isEqualTo(patched);
        rules.delete("hot");
        assertThatThrownBy(() -> rules.get("hot")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private void assertBad(String body, String message) {
        assertThatThrownBy(() -> rules.put("bad", Json.parse(body))).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
        assertThat(state.rules().find("bad")).isEmpty();
    }
}
