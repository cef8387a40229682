package org.opencentral.api.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.api.devices.DevicePaging;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.store.Page;
import org.opencentral.platform.rules.RuleService;

/**
 * Rules over REST: list (paged by id with {@code nextLink}), GET, PUT creates or replaces (200),
 * PATCH merges (JSON merge patch), DELETE answers 204; a rule's history, newest first. The body's {@code id} is ignored; the path
 * names the rule.
 */
final class RuleHandlers {
    private static final String ID = "ruleId";
    private final RuleService rules;

    RuleHandlers(RuleService rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    void list(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN), call.query("$filter"), call.query("$orderby"));
        Page<Rule> page = rules.list(paging.after(), paging.size());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(rule -> value.add(RuleJson.write(rule)));
        page.next().ifPresent(next -> body.put("nextLink",
                paging.nextLink(call.url(), call.query("api-version").orElseThrow(), next)));
        call.json(200, body);
    }

    void get(ApiCall call) {
        call.json(200, RuleJson.write(rules.get(call.pathParam(ID))));
    }

    void history(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN), call.query("$filter"), call.query("$orderby"));
        Optional<Long> before = paging.after().map(RuleHandlers::sequence);
        Page<RuleHistoryEntry> page = rules.history(call.pathParam(ID), before, paging.size());
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        page.items().forEach(entry -> value.add(historyJson(entry)));
        page.next().ifPresent(next -> body.put("nextLink",
                paging.nextLink(call.url(), call.query("api-version").orElseThrow(), next)));
        call.json(200, body);
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
