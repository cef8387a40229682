package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;

/**
 * The JSON form of a rule's actions: {@code {"type": "webhook", "url", "headers", "secret"}},
 * {@code {"type": "email", "to"}}, {@code {"type": "command", "command", "component", "request"}},
 * {@code {"type": "property", "property", "component", "value"}} or
 * {@code {"type": "cloudProperty", "cloudProperty", "component", "value"}}, each with
 * {@code "minInterval"} and {@code "on": "fire" | "resolve"}. A webhook's secret is read, never
 * written: the written form says {@code "signed": true} instead (and {@code signed} is ignored when
 * read).
 */
final class RuleActionJson {
    private RuleActionJson() {
    }

    static List<RuleAction> readAll(JsonNode actions) {
        if (actions.isMissingNode() || actions.isNull()) {
            return List.of();
        }
        if (!actions.isArray()) {
            throw RuleJson.bad("actions", "is an array");
        }
        List<RuleAction> read = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            String where = "actions[" + i + "]";
            try {
                read.add(read(where, actions.get(i)));
            } catch (IllegalArgumentException e) {
                throw RuleJson.bad(where + ":", e.getMessage());
            }
        }
        return read;
    }

    private static RuleAction read(String where, JsonNode action) {
        if (!action.isObject()) {
            throw RuleJson.bad(where, "is an object");
        }
        RuleAction.On on = RuleJson.optionalText(action, "on").map(text -> RuleAction.On.of(text)
                .orElseThrow(() -> RuleJson.bad(where + ".on", "is \"fire\" or \"resolve\"")))
                .orElse(RuleAction.On.FIRE);
        return switch (RuleJson.optionalText(action, "type").orElse("")) {
            case "webhook" -> new RuleAction.Webhook(url(where, action), headers(where, action.path("headers")),
                    RuleJson.optionalText(action, "secret"), interval(action, RuleAction.Webhook.DEFAULT_INTERVAL), on);
            case "email" -> new RuleAction.Email(addresses(where, action.path("to")),
                    interval(action, RuleAction.Email.DEFAULT_INTERVAL), on);
            case "command" -> new RuleAction.Command(capability(where, action, "command"),
                    Optional.ofNullable(action.get("request")).filter(r -> !r.isNull()),
                    interval(action, Duration.ZERO), on);
            case "property" -> new RuleAction.Property(capability(where, action, "property"), value(where, action),
                    interval(action, Duration.ZERO), on);
            case "cloudProperty" -> new RuleAction.CloudProperty(capability(where, action, "cloudProperty"),
                    value(where, action), interval(action, Duration.ZERO), on);
            default -> throw RuleJson.bad(where + ".type",
                    "is \"webhook\", \"email\", \"command\", \"property\" or \"cloudProperty\"");
        };
    }

    static ObjectNode write(RuleAction action) {
        ObjectNode json = Json.object();
        switch (action) {
            case RuleAction.Webhook w -> {
                json.put("type", "webhook");
                json.put("url", w.url().toString());
                ObjectNode headers = json.putObject("headers");
                w.headers().entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .forEach(h -> headers.put(h.getKey(), h.getValue()));
                json.put("signed", w.secret().isPresent());
            }
            case RuleAction.Email e -> {
                json.put("type", "email");
                var to = json.putArray("to");
                e.to().forEach(to::add);
            }
            case RuleAction.Command c -> {
                capability(json, "command", c.command());
                c.request().ifPresent(r -> json.set("request", r));
            }
            case RuleAction.Property p -> {
                capability(json, "property", p.property());
                json.set("value", p.value());
            }
            case RuleAction.CloudProperty c -> {
                capability(json, "cloudProperty", c.cloudProperty());
                json.set("value", c.value());
            }
        }
        json.put("minInterval", action.minInterval().toString());
        json.put("on", action.on().wireName());
        return json;
    }

    private static Capability capability(String where, JsonNode action, String type) {
        String name = RuleJson.optionalText(action, type).orElseThrow(() -> RuleJson.bad(where + "." + type,
                "is required"));
        return new Capability(RuleJson.optionalText(action, "component"), name);
    }

    private static void capability(ObjectNode json, String type, Capability capability) {
        json.put("type", type);
        json.put(type, capability.name());
        capability.component().ifPresent(c -> json.put("component", c));
    }

    private static JsonNode value(String where, JsonNode action) {
        JsonNode value = action.get("value");
        if (value == null || value.isNull()) {
            throw RuleJson.bad(where + ".value", "is required");
        }
        return value;
    }

    private static Duration interval(JsonNode action, Duration absent) {
        return RuleJson.duration(action, "minInterval").orElse(absent);
    }

    private static URI url(String where, JsonNode action) {
        String text = RuleJson.optionalText(action, "url").orElseThrow(() -> RuleJson.bad(where + ".url", "is required"));
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw RuleJson.bad(where + ".url", "is not a URL: " + e.getMessage());
        }
    }

    private static Map<String, String> headers(String where, JsonNode headers) {
        Map<String, String> read = new LinkedHashMap<>();
        if (headers.isMissingNode() || headers.isNull()) {
            return read;
        }
        if (!headers.isObject()) {
            throw RuleJson.bad(where + ".headers", "is an object of header names to string values");
        }
        headers.fields().forEachRemaining(h -> {
            if (!h.getValue().isTextual() || !h.getKey().matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                throw RuleJson.bad(where + ".headers", "'" + h.getKey() + "' is not a header name with a string value");
            }
            read.put(h.getKey(), h.getValue().asText());
        });
        return read;
    }

    private static List<String> addresses(String where, JsonNode to) {
        if (!to.isArray()) {
            throw RuleJson.bad(where + ".to", "is an array of email addresses");
        }
        List<String> read = new ArrayList<>();
        for (JsonNode address : to) {
            if (!address.isTextual()) {
                throw RuleJson.bad(where + ".to", "holds strings");
            }
            read.add(address.asText());
        }
        return read;
    }
}
