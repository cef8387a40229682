package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.rule.RuleHistoryEntry;

/**
 * What an action says about a fire, in the shape of IoT Central's rule webhook payload:
 * {@code timestamp}, {@code action}, {@code application}, {@code device} (with the
 * {@code telemetry}, {@code properties} and {@code cloudProperties} the fire saw, an aggregate as
 * {@code {"avg": v}}) and {@code rule}. OpenCentral adds {@code kind} (fired, renotified or
 * resolved), {@code state} ({@code firing} or {@code resolved}) and, for an aggregated rule, the
 * {@code window}. Emails are written from the same payload.
 */
final class FirePayload {
    private FirePayload() {
    }

    static ObjectNode of(Rule rule, int index, RuleHistoryEntry fire, Optional<Device> device, RuleApplication app) {
        ObjectNode payload = Json.object();
        payload.put("timestamp", fire.at().toString());
        payload.set("action", action(rule, index));
        ObjectNode application = payload.putObject("application");
        application.put("id", app.id());
        application.put("displayName", app.displayName());
        application.put("host", app.host());
        payload.set("device", device(fire, device));
        ObjectNode ruleJson = payload.putObject("rule");
        ruleJson.put("id", rule.id());
        ruleJson.put("displayName", rule.displayName());
        ruleJson.put("enabled", rule.enabled());
        payload.put("kind", fire.kind().wireName());
        payload.put("state", fire.kind() == RuleHistoryEntry.Kind.RESOLVED ? "resolved" : "firing");
        ObjectNode detail = fire.detail();
        if (detail.has("window")) {
            payload.set("window", detail.get("window"));
        }
        return payload;
    }

    private static ObjectNode action(Rule rule, int index) {
        ObjectNode action = Json.object();
        action.put("id", rule.id() + "-" + index);
        action.putArray("rules").add(rule.id());
        switch (rule.actions().get(index)) {
            case RuleAction.Webhook w -> {
                action.put("type", "WebhookAction");
                action.put("displayName", "Webhook " + (index + 1));
                action.put("url", w.url().toString());
            }
            case RuleAction.Email e -> {
                action.put("type", "EmailAction");
                action.put("displayName", "Email " + (index + 1));
                e.to().forEach(action.putArray("to")::add);
            }
            case RuleAction.Command c -> deviceAction(action, "CommandAction", "Command " + (index + 1), "command", c.command());
            case RuleAction.Property p -> deviceAction(action, "PropertyAction", "Property " + (index + 1), "property",
                    p.property());
            case RuleAction.CloudProperty c -> deviceAction(action, "CloudPropertyAction", "Cloud property " + (index + 1),
                    "cloudProperty", c.cloudProperty());
        }
        return action;
    }

    private static void deviceAction(ObjectNode action, String type, String displayName, String kind, Capability capability) {
        action.put("type", type);
        action.put("displayName", displayName);
        action.put(kind, capability.name());
        capability.component().ifPresent(c -> action.put("component", c));
    }

    private static ObjectNode device(RuleHistoryEntry fire, Optional<Device> found) {
        ObjectNode json = Json.object();
        json.put("id", fire.device().value());
        found.ifPresent(d -> {
            json.put("etag", d.etag());
            json.put("displayName", d.displayName());
            d.template().ifPresent(t -> json.put("instanceOf", t));
            json.put("simulated", d.simulated());
            json.put("provisioned", d.provisioned());
            json.put("approved", d.enabled());
        });
        ObjectNode detail = fire.detail();
        for (String kind : new String[] {"cloudProperties", "properties", "telemetry"}) {
            json.set(kind, detail.has(kind) ? detail.get(kind) : Json.object());
        }
        return json;
    }
}
