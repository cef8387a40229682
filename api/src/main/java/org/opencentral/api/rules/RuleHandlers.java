package org.opencentral.api.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.rule.RuleStatus;
import org.opencentral.core.store.Page;
import org.opencentral.platform.rules.ActionTests;
import org.opencentral.platform.rules.RuleReplay;
import org.opencentral.platform.rules.RuleService;

/**
 * Rules over REST: list (paged by id with {@code nextLink}), GET, PUT creates or replaces (200),
 * PATCH merges (JSON merge patch), DELETE answers 204; a rule's history, newest first; a replay
 * (dry run) over a past range of the log; "send test" of one action. The body's {@code id} is
 * ignored; the path names the rule. GET answers each rule with its read-only {@code status}.
 */
final class RuleHandlers {
    private static final String ID = "ruleId";
    private final RuleService rules;

    RuleHandlers(RuleService rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Page<Rule> page = rules.list(paging.after(), paging.size());
        Map<String, RuleStatus> statuses = rules.statuses(page.items());
        paging.answer(call, page.items().stream().map(r -> withStatus(r, statuses)).toList(), page.next());
    }

    void get(ApiCall call) {
        Rule rule = rules.get(call.pathParam(ID));
        call.json(200, withStatus(rule, rules.statuses(List.of(rule))));
    }

    /** The rule's JSON form with its read-only {@code status}: {@code {"firing": n, "lastFired"?: time}}. */
    private static ObjectNode withStatus(Rule rule, Map<String, RuleStatus> statuses) {
        RuleStatus status = statuses.getOrDefault(rule.id(), RuleStatus.NEVER);
        ObjectNode json = RuleJson.write(rule);
        ObjectNode out = json.putObject("status").put("firing", status.firing());
        status.lastFired().ifPresent(at -> out.put("lastFired", at.toString()));
        return json;
    }

    void history(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call);
        Optional<Long> before = paging.after().map(RuleHandlers::sequence);
        Page<RuleHistoryEntry> page = rules.history(call.pathParam(ID), before, paging.size());
        paging.answer(call, page.items().stream().map(RuleHandlers::historyJson).toList(), page.next());
    }

    /** {@code {"from", "to", "rule"?}}: a dry run of the stored rule, or of the body's {@code rule}. */
    void replay(ApiCall call) throws IOException {
        ObjectNode body = call.bodyObject();
        RuleReplay.Result result = rules.replay(call.pathParam(ID), Optional.ofNullable(body.get("rule")),
                instant(body, "from"), instant(body, "to"));
        ObjectNode json = Json.object();
        ArrayNode value = json.putArray("value");
        result.entries().forEach(entry -> {
            ObjectNode item = historyJson(entry);
            item.remove("id");
            value.add(item);
        });
        json.put("eventsRead", result.eventsRead());
        json.put("truncated", result.truncated());
        call.json(200, json);
    }

    private static Instant instant(ObjectNode body, String member) {
        JsonNode value = body.get(member);
        if (value == null || !value.isTextual()) {
            throw ApiError.badRequest("'" + member + "' is required: an ISO 8601 time such as 2026-03-01T12:00:00Z");
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'" + member + "' is not an ISO 8601 time: " + value.asText());
        }
    }

    /**
     * "Send test": {@code {"device"?}} tries the path's action once with a sample payload; answers
     * {@code {"outcome": "sent"|"failed", "detail"}}.
     */
    void test(ApiCall call) throws IOException {
        JsonNode body = call.body();
        if (!body.isMissingNode() && !body.isObject()) {
            throw ApiError.badRequest("the body is empty or {\"device\": \"<device id>\"}");
        }
        JsonNode device = body.path("device");
        if (!device.isMissingNode() && !device.isTextual()) {
            throw ApiError.badRequest("'device' is a device id");
        }
        ActionTests.Outcome outcome = rules.test(call.pathParam(ID), index(call.pathParam("actionIndex")),
                Optional.of(device).filter(JsonNode::isTextual).map(d -> DeviceId.of(d.asText())));
        ObjectNode json = Json.object();
        json.put("outcome", outcome.sent() ? "sent" : "failed");
        json.put("detail", outcome.detail());
        call.json(200, json);
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("the action index '" + text + "' is not a number (0 for the first action)");
        }
    }

    void put(ApiCall call) throws IOException {
        ObjectNode body = call.bodyObject();
        call.json(200, RuleJson.write(rules.put(call.pathParam(ID), body).rule()));
    }

    void patch(ApiCall call) throws IOException {
        ObjectNode patch = call.bodyObject();
        call.auditBefore(RuleJson.write(rules.get(call.pathParam(ID))));
        call.json(200, RuleJson.write(rules.patch(call.pathParam(ID), patch)));
    }

    /** {@code {"id", "device", "kind", "time", ...detail}}: the detail's telemetry, properties, window. */
    static ObjectNode historyJson(RuleHistoryEntry entry) {
        ObjectNode json = Json.object();
        json.put("id", entry.sequence());
        json.put("device", entry.device().value());
        json.put("kind", entry.kind().wireName());
        json.put("time", entry.at().toString());
        json.setAll(entry.detail());
        return json;
    }

    private static long sequence(String token) {
        try {
            return Long.parseLong(token);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("$skiptoken is not a token this list handed out");
        }
    }

    void delete(ApiCall call) {
        call.auditBefore(RuleJson.write(rules.get(call.pathParam(ID))));
        rules.delete(call.pathParam(ID));
        call.noContent();
    }
}
