package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.api.contract.SpecResponses;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleInstance;
import org.opencentral.core.testing.HttpReceiver;
import org.opencentral.platform.security.BuiltInRole;

/** /api/rules over real HTTP and real stores: checked against the template, paged, audited, authorized. */
@Timeout(60)
class RulesApiTest extends PlatformApiTest {
    static final String TEMPLATE = "dtmi:rules:Thermostat;1";

    @BeforeEach
    void thermostatTemplate() {
        String model = "{\"@id\":\"dtmi:rules:Thermostat_cm;1\",\"@type\":\"Interface\",\"@context\":"
                + "\"dtmi:dtdl:context;2\",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"temperature\","
                + "\"schema\":\"double\"},{\"@type\":\"Telemetry\",\"name\":\"status\",\"schema\":\"string\"}]}";
        Http.Reply published = admin.put("/api/deviceTemplates/" + encode(TEMPLATE) + "?" + Http.V,
                "{\"displayName\":\"Thermostat\",\"capabilityModel\":" + model + "}");
        assertThat(published.status()).as(published.text()).isEqualTo(200);
    }

    static String rule(String name, String item) {
        return "{\"displayName\":\"" + name + "\",\"template\":\"" + TEMPLATE + "\",\"conditions\":{\"match\":\"all\","
                + "\"items\":[" + item + "]},\"actions\":[{\"type\":\"webhook\",\"url\":\"https://example.com/h\"}]}";
    }

    static final String HOT = "{\"telemetry\":\"temperature\",\"operator\":\">\",\"value\":30}";

    @Test
    void aRuleIsCreatedReadChangedAndDeleted() {
        Http.Reply put = admin.put("/api/rules/too-hot?" + Http.V, rule("Too hot", HOT));

        assertThat(put.status()).as(put.text()).isEqualTo(200);
        JsonNode body = put.json();
        assertThat(body.path("id").asText()).isEqualTo("too-hot");
        assertThat(body.at("/conditions/items/0/operator").asText()).isEqualTo(">");
        assertThat(body.at("/actions/0/url").asText()).isEqualTo("https://example.com/h");
        assertThat(body.has("status")).isFalse();
        assertThat(admin.get("/api/rules/too-hot?" + Http.V).json())
                .isEqualTo(((ObjectNode) body.deepCopy()).set("status", Json.parse("{\"firing\":0}")));
        assertThat(admin.get("/api/rules/too-hot/history?" + Http.V).json().path("value")).isEmpty();
        assertThat(admin.get("/api/rules/too-cold/history?" + Http.V).status()).isEqualTo(404);

        Http.Reply patch = admin.patch("/api/rules/too-hot?" + Http.V, "{\"enabled\":false}");
        assertThat(patch.json().path("enabled").asBoolean()).isFalse();
        assertThat(patch.json().path("displayName").asText()).isEqualTo("Too hot");

        assertThat(admin.delete("/api/rules/too-hot?" + Http.V).status()).isEqualTo(204);
        assertThat(admin.get("/api/rules/too-hot?" + Http.V).status()).isEqualTo(404);
        assertThat(admin.delete("/api/rules/too-hot?" + Http.V).status()).isEqualTo(404);
    }

    @Test
    void anInvalidRuleIsABadRequestNamingTheItemAndNothingIsStored() {
        Http.Reply unknown = admin.put("/api/rules/r?" + Http.V,
                rule("R", HOT + ",{\"telemetry\":\"humidity\",\"operator\":\">\",\"value\":1}"));
        Http.Reply misfit = admin.put("/api/rules/r?" + Http.V,
                rule("R", "{\"telemetry\":\"status\",\"operator\":\">=\",\"value\":\"a\"}"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/message").asText())
                .isEqualTo("conditions.items[1]: the template has no telemetry 'humidity'");
        assertThat(misfit.status()).isEqualTo(400);
        assertThat(misfit.json().at("/error/message").asText())
                .isEqualTo("conditions.items[0]: '>=' does not apply to a string");
        assertThat(admin.get("/api/rules/r?" + Http.V).status()).isEqualTo(404);
        Http.Reply email = admin.put("/api/rules/r?" + Http.V, rule("R", HOT).replace("\"actions\":[",
                "\"actions\":[{\"type\":\"email\",\"to\":[\"ops@example.com\"]},"));
        assertThat(email.json().at("/error/message").asText()).isEqualTo("actions[0]: email actions need an SMTP "
                + "server, and this server has none configured (--smtp-host)");
        admin.put("/api/rules/r?" + Http.V, rule("R", HOT));
        Http.Reply badPatch = admin.patch("/api/rules/r?" + Http.V, "{\"conditions\":{\"match\":\"some\"}}");
        assertThat(badPatch.json().at("/error/message").asText()).isEqualTo("conditions.match is \"all\" or \"any\"");
        assertThat(admin.get("/api/rules/r?" + Http.V).json().at("/conditions/match").asText()).isEqualTo("all");
    }

    @Test
    void theListIsPagedWithNextLink() {
        for (String id : new String[] {"c", "a", "b"}) {
            admin.put("/api/rules/" + id + "?" + Http.V, rule(id, HOT));
        }

        JsonNode first = admin.get("/api/rules?" + Http.V + "&maxpagesize=2").json();
        assertThat(first.path("value")).extracting(v -> v.path("id").asText()).containsExactly("a", "b");
        String next = first.path("nextLink").asText();
        JsonNode second = admin.get(next.substring(next.indexOf("/api/"))).json();
        assertThat(second.path("value")).extracting(v -> v.path("id").asText()).containsExactly("c");
        assertThat(second.has("nextLink")).isFalse();
    }

    @Test
    void theListAndARuleTellHowManyDevicesFireNowAndWhenItLastFired() {
        admin.put("/api/rules/hot?" + Http.V, rule("Hot", HOT));
        admin.put("/api/rules/calm?" + Http.V, rule("Calm", HOT));
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        platform.state.rules().record(new RuleChanges(List.of(firing("hot", "d1", at), firing("hot", "d2", at)),
                List.of(new RuleHistoryEntry(0, "hot/d2/fired", "hot", DeviceId.of("d2"), RuleHistoryEntry.Kind.FIRED,
                        at, Json.object())), List.of(), "rules", OptionalLong.empty()));

        Http.Reply listed = admin.get("/api/rules?" + Http.V);
        SpecResponses served = new SpecResponses(admin.get("/api/openapi.json?" + Http.V).json(), Map.of());
        assertThat(served.check("GET", "/rules", 200, listed.text())).as(listed.text()).isEmpty();
        JsonNode list = listed.json().path("value");
        assertThat(list).extracting(v -> v.path("status")).containsExactly(Json.parse("{\"firing\":0}"),
                Json.parse("{\"firing\":2,\"lastFired\":\"2026-03-01T10:00:00Z\"}"));
        assertThat(admin.get("/api/rules/hot?" + Http.V).json().at("/status/firing").asInt()).isEqualTo(2);
        Http.Reply refused = admin.put("/api/rules/hot?" + Http.V, rule("Hot", HOT).replace("{\"displayName\"",
                "{\"status\":{\"firing\":0},\"displayName\""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("status");
    }

    private static RuleInstance firing(String rule, String device, Instant at) {
        return new RuleInstance(rule, DeviceId.of(device), RuleInstance.Status.FIRING, at, Json.object());
    }

    @Test
    void changesAreAuditedAndOperatorsMayOnlyView() {
        admin.put("/api/rules/audited?" + Http.V, rule("A", HOT));
        admin.patch("/api/rules/audited?" + Http.V, "{\"displayName\":\"B\"}");

        JsonNode entries = admin.get("/api/auditLogs?" + Http.V).json().path("value");
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("target").asText()).isEqualTo("/api/rules/audited");
            assertThat(e.path("before").path("displayName").asText()).isEqualTo("A");
            assertThat(e.path("after").path("displayName").asText()).isEqualTo("B");
        });
        Http operator = admin.as(platform.token("op", BuiltInRole.APP_OPERATOR));
        Http builder = admin.as(platform.token("builder", BuiltInRole.APP_BUILDER));
        assertThat(operator.get("/api/rules/audited?" + Http.V).status()).isEqualTo(200);
        assertThat(operator.put("/api/rules/other?" + Http.V, rule("O", HOT)).status()).isEqualTo(403);
        assertThat(operator.delete("/api/rules/audited?" + Http.V).status()).isEqualTo(403);
        assertThat(builder.put("/api/rules/other?" + Http.V, rule("O", HOT)).status()).isEqualTo(200);
    }

    @Test
    void aReplayOfAnEmptyRangeFiresNothingAndABadRangeIsRefused() {
        admin.put("/api/rules/r?" + Http.V, rule("R", HOT));

        Http.Reply replay = admin.post("/api/rules/r/replay?" + Http.V,
                "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}");
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.json().path("value")).isEmpty();
        assertThat(replay.json().path("truncated").asBoolean()).isFalse();

        assertThat(admin.post("/api/rules/r/replay?" + Http.V, "{\"from\":\"2026-01-02T00:00:00Z\","
                + "\"to\":\"2026-01-01T00:00:00Z\"}").status()).isEqualTo(400);
        assertThat(admin.post("/api/rules/r/replay?" + Http.V, "{\"from\":\"yesterday\"}").json()
                .at("/error/message").asText()).isEqualTo("'from' is not an ISO 8601 time: yesterday");
        assertThat(admin.post("/api/rules/r/replay?" + Http.V, "{\"from\":\"2026-01-01T00:00:00Z\","
                + "\"to\":\"2026-01-02T00:00:00Z\",\"rule\":{\"template\":\"" + TEMPLATE + "\",\"conditions\":"
                + "{\"items\":[{\"telemetry\":\"nope\",\"operator\":\">\",\"value\":1}]}}}").json()
                .at("/error/message").asText()).isEqualTo("conditions.items[0]: the template has no telemetry 'nope'");
        assertThat(admin.post("/api/rules/none/replay?" + Http.V,
                "{\"from\":\"2026-01-01T00:00:00Z\",\"to\":\"2026-01-02T00:00:00Z\"}").status()).isEqualTo(404);
    }

    @Test
    void sendTestTriesOneActionWithASamplePayloadAndAnswersItsOutcome() {
        try (HttpReceiver receiver = HttpReceiver.start()) {
            String ok = receiver.url("/ok");
            String failing = receiver.url("/failing");
            admin.put("/api/rules/r?" + Http.V, rule("R", HOT).replace("{\"type\":\"webhook\",\"url\":\"https://example.com/h\"}",
                    "{\"type\":\"webhook\",\"url\":\"" + ok + "\"},{\"type\":\"webhook\",\"url\":\"" + failing
                            + "\",\"on\":\"resolve\"}"));

            Http.Reply sent = admin.post("/api/rules/r/actions/0/test?" + Http.V, "");
            assertThat(sent.status()).as(sent.text()).isEqualTo(200);
            assertThat(sent.json().path("outcome").asText()).isEqualTo("sent");
            assertThat(receiver.take().orElseThrow().json().path("test").asBoolean()).isTrue();

            receiver.answer(500);
            Http.Reply failed = admin.post("/api/rules/r/actions/1/test?" + Http.V, "{}");
            assertThat(failed.json().path("outcome").asText()).isEqualTo("failed");
            assertThat(failed.json().path("detail").asText()).isEqualTo("the webhook answered 500");
            assertThat(admin.post("/api/rules/r/actions/7/test?" + Http.V, "").status()).isEqualTo(404);
            assertThat(admin.post("/api/rules/r/actions/first/test?" + Http.V, "").status()).isEqualTo(400);
            assertThat(admin.as(platform.token("op", BuiltInRole.APP_OPERATOR))
                    .post("/api/rules/r/actions/0/test?" + Http.V, "").status()).isEqualTo(403);
            assertThat(admin.get("/api/rules/r/history?" + Http.V).json().path("value")).isEmpty();
        }
    }

    @Test
    void anUnknownGroupIsABadRequestNamingIt() {
        Http.Reply put = admin.put("/api/rules/r?" + Http.V, rule("R", HOT).replace("{\"displayName\"",
                "{\"group\":\"nowhere\",\"displayName\""));

        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().at("/error/message").asText()).isEqualTo("group 'nowhere' is not a device group");
    }

    @Test
    void aFilterOnPropertiesIsStoredAndAnInvalidOneIsABadRequestNamingIt() {
        String filter = "SELECT * FROM devices WHERE $simulated = false";
        Http.Reply put = admin.put("/api/rules/r?" + Http.V, rule("R", HOT).replace("{\"displayName\"",
                "{\"filter\":\"" + filter + "\",\"displayName\""));
        Http.Reply bad = admin.put("/api/rules/s?" + Http.V, rule("S", HOT).replace("{\"displayName\"",
                "{\"filter\":\"SELECT * FROM devices WHERE nope = 1\",\"displayName\""));

        assertThat(put.status()).isEqualTo(200);
        assertThat(admin.get("/api/rules/r?" + Http.V).json().path("filter").asText()).isEqualTo(filter);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().at("/error/message").asText()).startsWith("filter: ").contains("'nope'");
    }

    @Test
    void theRoutesAreMarkedAsExtensionsInTheServedDocument() {
        JsonNode doc = new Http(platform.port, null).get("/api/openapi.json?" + Http.V).json();

        assertThat(doc.at("/paths/~1rules~1{ruleId}/put/x-opencentral-extension").asBoolean()).isTrue();
        assertThat(doc.at("/paths/~1rules/get/x-opencentral-access").asText()).isEqualTo("rules.view");
        assertThat(doc.at("/paths/~1rules~1{ruleId}/delete/x-opencentral-access").asText()).isEqualTo("rules.delete");
        assertThat(doc.at("/paths/~1rules~1{ruleId}~1actions~1{actionIndex}~1test/post/x-opencentral-access").asText())
                .isEqualTo("rules.update");
        assertThat(doc.at("/paths/~1rules~1{ruleId}/get/responses/200/schema/$ref").asText())
                .isEqualTo("#/definitions/Rule");
        assertThat(doc.at("/definitions/RuleAction/properties/on/enum")).extracting(JsonNode::asText)
                .containsExactly("fire", "resolve");
        assertThat(doc.at("/definitions/Rule/properties/filter/type").asText()).isEqualTo("string");
        assertThat(doc.at("/definitions/RuleCompareTo/properties/component/type").asText()).isEqualTo("string");
    }

    private static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8);
    }
}
