package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;

/**
 * The JSON form of a rule (the REST body and the stored document):
 * {@code {"displayName", "enabled", "template", "group", "filter", "conditions": {"match", "items"}, "window",
 * "lateness", "resolveAfter", "renotify", "actions"}}. Reading refuses what is not a valid rule with a
 * {@code BAD_REQUEST} naming the member ({@code conditions.items[1].operator: ...}).
 */
public final class RuleJson {
    private static final Set<String> MEMBERS = Set.of("id", "displayName", "enabled", "template", "group", "filter",
            "conditions", "window", "lateness", "resolveAfter", "renotify", "actions");

    private RuleJson() {
    }

    /** The rule {@code body} describes, with the id from the path (a body {@code id} is ignored). */
    public static Rule read(String id, JsonNode body) {
        if (!body.isObject()) {
            throw DomainException.badRequest("a rule is a JSON object");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                throw DomainException.badRequest("unknown rule member '" + name + "'");
            }
        });
        try {
            return new Rule(id, optionalText(body, "displayName").orElse(id),
                    bool(body, "enabled", true),
                    optionalText(body, "template").orElseThrow(() -> bad("template", "is required")),
                    optionalText(body, "group"), optionalText(body, "filter"),
                    conditions(body.path("conditions")),
                    duration(body, "window"), duration(body, "lateness").orElse(Rule.DEFAULT_LATENESS),
                    duration(body, "resolveAfter").orElse(Duration.ZERO),
                    duration(body, "renotify"), RuleActionJson.readAll(body.path("actions")));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest(e.getMessage());
        }
    }

    public static ObjectNode write(Rule rule) {
        ObjectNode json = Json.object();
        json.put("id", rule.id());
        json.put("displayName", rule.displayName());
        json.put("enabled", rule.enabled());
        json.put("template", rule.template());
        rule.group().ifPresent(g -> json.put("group", g));
        rule.filter().ifPresent(f -> json.put("filter", f));
        ObjectNode conditions = json.putObject("conditions");
        conditions.put("match", rule.conditions().match().wireName());
        var items = conditions.putArray("items");
        rule.conditions().items().forEach(item -> items.add(ConditionJson.write(item)));
        rule.window().ifPresent(w -> json.put("window", w.toString()));
        json.put("lateness", rule.lateness().toString());
        json.put("resolveAfter", rule.resolveAfter().toString());
        rule.renotify().ifPresent(r -> json.put("renotify", r.toString()));
        var actions = json.putArray("actions");
        rule.actions().forEach(action -> actions.add(RuleActionJson.write(action)));
        return json;
    }

    private static Conditions conditions(JsonNode node) {
        if (!node.isObject()) {
            throw bad("conditions", "is required: {\"match\": \"all\"|\"any\", \"items\": [...]}");
        }
        Match match = switch (optionalText(node, "match").orElse("all")) {
            case "all" -> Match.ALL;
            case "any" -> Match.ANY;
            default -> throw bad("conditions.match", "is \"all\" or \"any\"");
        };
        JsonNode items = node.path("items");
        if (!items.isArray() || items.isEmpty() || items.size() > Conditions.MAX_ITEMS) {
            throw bad("conditions.items", "is an array of 1 to " + Conditions.MAX_ITEMS + " condition items");
        }
        List<Condition> read = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            read.add(ConditionJson.read("conditions.items[" + i + "]", items.get(i)));
        }
        return new Conditions(match, read);
    }

    static Optional<String> optionalText(JsonNode node, String member) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw bad(member, "must be a string");
        }
        return Optional.of(value.asText());
    }

    private static boolean bool(JsonNode node, String member, boolean absent) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw bad(member, "must be true or false");
        }
        return value.asBoolean();
    }

    static Optional<Duration> duration(JsonNode node, String member) {
        return optionalText(node, member).map(text -> {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw bad(member, "must be an ISO 8601 duration such as PT5M, not '" + text + "'");
            }
        });
    }

    static DomainException bad(String where, String problem) {
        return DomainException.badRequest(where + " " + problem);
    }
}
