package org.opencentral.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;

/** The rule's JSON form: round trips, and refusals that name the member at fault. */
class RuleJsonTest {
    private static final String AGGREGATED = """
            {"displayName": "Hot on average", "template": "dtmi:t:x;1", "window": "PT1M",
             "conditions": {"match": "all", "items": [
               {"telemetry": "temperature", "aggregation": "avg", "operator": ">", "value": 30.5}]},
             "resolveAfter": "PT2M", "renotify": "PT30M",
             "actions": [{"type": "webhook", "url": "http://localhost:8080/hook", "headers": {"X-A": "b"}}]}
            """;

    @Test
    void aRuleRoundTripsThroughItsJsonForm() {
        Rule rule = RuleJson.read("hot", Json.parse(AGGREGATED));

        assertThat(rule.aggregated()).isTrue();
        assertThat(RuleJson.read("hot", RuleJson.write(rule))).isEqualTo(rule);
        assertThat(RuleJson.write(rule).get("id").asText()).isEqualTo("hot");
    }

    @Test
    void aPropertyMemberAndACloudPropertyOfAComponentRoundTrip() {
        Rule rule = RuleJson.read("low", Json.parse(items("{\"property\": \"battery\", \"member\": \"level\", "
                + "\"operator\": \"<\", \"compareTo\": {\"cloudProperty\": \"min\", \"component\": \"power\"}}")));

        Condition.Property item = (Condition.Property) rule.conditions().items().getFirst();
        assertThat(item.member()).contains("level");
        assertThat(item.valueName().name()).isEqualTo("battery.level");
        assertThat(item.comparison().operand()).isEqualTo(
                new Comparison.Operand.CloudProperty("min", java.util.Optional.of("power")));
        assertThat(RuleJson.read("low", RuleJson.write(rule))).isEqualTo(rule);
    }

    @Test
    void defaultsAreEnabledAnyMatchAllAndResolvingAtOnce() {
        Rule rule = RuleJson.read("r", Json.parse("{\"template\": \"t\", \"conditions\": {\"items\": "
                + "[{\"connectivity\": \"connected\"}]}}"));

        assertThat(rule.enabled()).isTrue();
        assertThat(rule.displayName()).isEqualTo("r");
        assertThat(rule.conditions().match()).isEqualTo(Match.ALL);
        assertThat(rule.resolveAfter()).isZero();
        assertThat(rule.renotify()).isEmpty();
        assertThat(rule.actions()).isEmpty();
    }

    @Test
    void refusalsNameTheMemberAtFault() {
        assertBad("{\"conditions\": {\"items\": [{\"connectivity\": \"connected\"}]}}", "template is required");
        assertBad(items("{\"telemetry\": \"t\", \"property\": \"p\", \"operator\": \">\", \"value\": 1}"),
                "conditions.items[0] names exactly one of telemetry, property, cloudProperty, connectivity, absence "
                        + "(it names telemetry and property)");
        assertBad(items("{\"connectivity\": \"connected\"}, {\"telemetry\": \"t\", \"operator\": \"~\", \"value\": 1}"),
                "conditions.items[1].operator '~' is not one of >, >=, <, <=, ==, !=, contains, notContains");
        assertBad(items("{\"telemetry\": \"t\", \"operator\": \">\", \"value\": [1]}"),
                "conditions.items[0].value is required: a number, a string or a boolean");
        assertBad(items("{\"absence\": \"t\"}"), "conditions.items[0].duration is required for an absence");
        assertBad(items("{\"absence\": \"t\", \"duration\": \"10 minutes\"}"),
                "conditions.items[0]: duration must be an ISO 8601 duration such as PT5M, not '10 minutes'");
        assertBad(items("{\"telemetry\": \"t\", \"aggregation\": \"avg\", \"operator\": \">\", \"value\": 1}"),
                "conditions.items[0]: an aggregation needs the rule's window");
        assertBad(items("{\"connectivity\": \"connected\"}").replace("{\"template\"", "{\"window\": \"PT1M\", \"template\""),
                "conditions.items[0]: a rule with a window has only telemetry items, each with an aggregation");
        assertBad(items("{\"connectivity\": \"connected\"}").replace("{\"template\"", "{\"window\": \"PT7M\", \"template\""),
                "window is a whole number of minutes that divides a day (PT1M, PT5M, PT10M, PT15M, PT30M, PT1H, ... P1D)");
        assertBad(items("{\"connectivity\": \"connected\"}").replace("{\"template\"",
                "{\"actions\": [{\"type\": \"webhook\", \"url\": \"ftp://x\"}], \"template\""),
                "actions[0]: a webhook URL is an absolute http or https URL");
        assertBad(items("{\"connectivity\": \"connected\"}").replace("{\"template\"",
                "{\"actions\": [{\"type\": \"email\", \"to\": [\"nobody\"]}], \"template\""),
                "actions[0]: 'nobody' is not an email address");
        assertBad("{\"template\": \"t\", \"colour\": 1}", "unknown rule member 'colour'");
    }

    private static String items(String items) {
        return "{\"template\": \"t\", \"conditions\": {\"items\": [" + items + "]}}";
    }

    private static void assertBad(String body, String message) {
        assertThatThrownBy(() -> RuleJson.read("r", Json.parse(body))).isInstanceOfSatisfying(DomainException.class,
                e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }
}
