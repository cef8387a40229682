package org.opencentral.platform.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.PrimitiveKind;
import org.opencentral.dtdl.value.SchemaValidator;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.group.GroupChanges;

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
    void aMemberOfAnObjectTelemetryIsAConditionCheckedAgainstItsFieldSchema() {
        String item = "{\"telemetry\": \"position\", \"member\": \"x\", \"operator\": \">\", \"value\": 5}";
        rules.put("moved", Json.parse(rule(item)));
        assertThat(RuleJson.write(state.rules().find("moved").orElseThrow()).at("/conditions/items/0"))
                .isEqualTo(Json.parse(item));

        assertBad(rule("{\"telemetry\": \"position\", \"member\": \"y\", \"operator\": \">\", \"value\": 5}"),
                "conditions.items[0]: member: the telemetry 'position' has no field 'y' (it must be an Object)");
        assertBad(rule("{\"telemetry\": \"temperature\", \"member\": \"x\", \"operator\": \">\", \"value\": 5}"),
                "conditions.items[0]: member: the telemetry 'temperature' has no field 'x' (it must be an Object)");
        assertBad(rule("{\"telemetry\": \"position\", \"member\": \"x\", \"operator\": \"==\", \"value\": \"a\"}"),
                "conditions.items[0]: compares a number with a number");
        assertBad(rule("{\"cloudProperty\": \"site\", \"member\": \"x\", \"operator\": \"==\", \"value\": \"a\"}"),
                "conditions.items[0].member is only for a telemetry or property item (a field of an Object telemetry or "
                        + "property), not for a cloudProperty item");
        assertBad(rule("{\"telemetry\": \"position\", \"member\": 3, \"operator\": \">\", \"value\": 5}"),
                "conditions.items[0].member is the name of a field of the capability's Object schema");
    }

    @Test
    void aFilterIsADeviceGroupFilterOverTheTemplatesPropertiesAndANamedBadRequestOtherwise() {
        String filter = "SELECT * FROM devices WHERE site = 'north' AND battery.level < 20";
        rules.put("north", Json.parse(filtered(filter)));
        assertThat(state.rules().find("north").orElseThrow().filter()).contains(filter);
        assertThat(RuleJson.write(state.rules().find("north").orElseThrow()).path("filter").asText()).isEqualTo(filter);

        assertThatThrownBy(() -> rules.put("bad", Json.parse(filtered("SELECT * FROM devices WHERE nope = 1"))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("filter: ")
                            .endsWith("'nope' is not a property or cloud property of " + TEMPLATE);
                });
        assertThatThrownBy(() -> rules.put("bad", Json.parse(filtered("SELECT * FROM devices WHERE"))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).startsWith("filter: "));
        assertThat(state.rules().find("bad")).isEmpty();
    }

    private static String filtered(String filter) {
        return rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 30}")
                .replace("{\"template\"", "{\"filter\": \"" + filter + "\", \"template\"");
    }

    @Test
    void aMemberOfAnObjectPropertyIsAConditionCheckedAgainstItsFieldSchema() {
        String item = "{\"property\": \"battery\", \"member\": \"level\", \"operator\": \"<\", \"value\": 10}";
        rules.put("low", Json.parse(rule(item)));
        assertThat(RuleJson.write(state.rules().find("low").orElseThrow()).at("/conditions/items/0"))
                .isEqualTo(Json.parse(item));

        assertBad(rule("{\"property\": \"battery\", \"member\": \"volts\", \"operator\": \"<\", \"value\": 1}"),
                "conditions.items[0]: member: the property 'battery' has no field 'volts' (it must be an Object)");
        assertBad(rule("{\"property\": \"firmware\", \"member\": \"x\", \"operator\": \"==\", \"value\": \"a\"}"),
                "conditions.items[0]: member: the property 'firmware' has no field 'x' (it must be an Object)");
        assertBad(rule("{\"property\": \"battery\", \"member\": \"state\", \"operator\": \"<\", \"value\": \"a\"}"),
                "conditions.items[0]: '<' does not apply to a string");
        assertBad(rule("{\"property\": \"battery\", \"operator\": \"==\", \"value\": 1}"),
                "conditions.items[0]: a capability of schema object is not a condition");
    }

    @Test
    void aConditionComparesWithACloudPropertyOfAComponentWhenItNamesTheComponent() {
        String item = "{\"telemetry\": \"temperature\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"max\", \"component\": \"sensor\"}}";
        rules.put("over", Json.parse(rule(item)));
        assertThat(RuleJson.write(state.rules().find("over").orElseThrow()).at("/conditions/items/0"))
                .isEqualTo(Json.parse(item));

        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"max\"}}"), "conditions.items[0]: compareTo: the template has no cloud property 'max'");
        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"limit\", \"component\": \"sensor\"}}"),
                "conditions.items[0]: compareTo: the template has no cloud property 'sensor.limit'");
        assertBad(rule("{\"telemetry\": \"status\", \"operator\": \"==\", \"compareTo\": {\"cloudProperty\": "
                + "\"max\", \"component\": \"sensor\"}}"),
                "conditions.items[0]: compareTo: cloud property 'sensor.max' is not of the same kind as the value");
        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"max\", \"component\": 1}}"), "conditions.items[0].compareTo is {\"cloudProperty\": \"<name>\"}, "
                + "with \"component\": \"<name>\" for a cloud property of a component");
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

    @Test
    void aGroupCloudPropertyComparisonsAndDeviceActionsAreStoredAndReadBack() {
        stores.groups.put("north", new GroupChanges(Optional.of("North"),
                Optional.of("SELECT * FROM devices"), Optional.empty(), Optional.of(List.of())), Optional.empty(),
                RuleStores.EVERYWHERE);
        String body = rule("{\"telemetry\": \"temperature\", \"operator\": \">\", "
                + "\"compareTo\": {\"cloudProperty\": \"limit\"}}").replace("{\"template\"", "{\"group\": \"north\", "
                + "\"actions\": [" + COMMAND + ", " + PROPERTY + ", " + CLOUD + "], \"template\"");

        var saved = rules.put("acts", Json.parse(body)).rule();

        assertThat(saved.group()).contains("north");
        assertThat(rules.get("acts")).isEqualTo(saved);
        JsonNode json = RuleJson.write(saved);
        assertThat(json.at("/conditions/items/0/compareTo/cloudProperty").asText()).isEqualTo("limit");
        assertThat(json.at("/actions/0")).isEqualTo(Json.parse("{\"type\": \"command\", \"command\": \"reboot\", "
                + "\"request\": 5, \"minInterval\": \"PT0S\", \"on\": \"fire\"}"));
        assertThat(json.at("/actions/2/on").asText()).isEqualTo("resolve");
    }

    @Test
    void anUnknownGroupOrAComparisonThatDoesNotFitIsABadRequestNamingIt() {
        assertBad(rule("{\"connectivity\": \"connected\"}").replace("{\"template\"", "{\"group\": \"none\", \"template\""),
                "group 'none' is not a device group");
        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"nope\"}}"), "conditions.items[0]: compareTo: the template has no cloud property 'nope'");
        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"site\"}}"), "conditions.items[0]: compareTo: cloud property 'site' is not of the same kind as the value");
        assertBad(rule("{\"telemetry\": \"status\", \"operator\": \">\", \"compareTo\": {\"cloudProperty\": "
                + "\"site\"}}"), "conditions.items[0]: '>' does not apply to a string");
        assertBad(rule("{\"telemetry\": \"temperature\", \"operator\": \">\", \"value\": 1, \"compareTo\": "
                + "{\"cloudProperty\": \"limit\"}}"), "conditions.items[0] names exactly one of value and compareTo");
    }

    @Test
    void aDeviceActionMustNameACapabilityOfTheTemplateWithAValueThatFits() {
        String body = rule("{\"connectivity\": \"connected\"}");
        assertBad(withAction(body, "{\"type\": \"command\", \"command\": \"explode\"}"),
                "actions[0]: the template has no command 'explode'");
        assertBad(withAction(body, "{\"type\": \"command\", \"command\": \"reboot\", \"request\": \"soon\"}"),
                "actions[0]: the value does not fit the schema: " + misfit(PrimitiveKind.INTEGER, "\"soon\""));
        assertBad(withAction(body, "{\"type\": \"property\", \"property\": \"firmware\", \"value\": \"2\"}"),
                "actions[0]: the template has no writable device property 'firmware'");
        assertBad(withAction(body, "{\"type\": \"cloudProperty\", \"cloudProperty\": \"limit\", \"value\": \"x\"}"),
                "actions[0]: the value does not fit the schema: " + misfit(PrimitiveKind.DOUBLE, "\"x\""));
        assertBad(withAction(body, "{\"type\": \"property\", \"property\": \"target\"}"),
                "actions[0].value is required");
        assertBad(withAction(body, "{\"type\": \"email\", \"to\": [\"a@b.c\"], \"on\": \"later\"}"),
                "actions[0].on is \"fire\" or \"resolve\"");
    }

    static final String COMMAND = "{\"type\": \"command\", \"command\": \"reboot\", \"request\": 5}";
    static final String PROPERTY = "{\"type\": \"property\", \"property\": \"target\", \"value\": 21.5}";
    static final String CLOUD = "{\"type\": \"cloudProperty\", \"cloudProperty\": \"site\", \"value\": \"north\", "
            + "\"on\": \"resolve\"}";

    private static String withAction(String body, String action) {
        return body.replace("{\"template\"", "{\"actions\": [" + action + "], \"template\"");
    }

    /** The validator's own message for a value of the wrong type, so the test does not restate its wording. */
    private static String misfit(PrimitiveKind schema, String value) {
        return SchemaValidator.validate(Primitive.of(schema), Json.parse(value)).getFirst().message();
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
