package org.opencentral.platform.rules.action;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.opencentral.core.rule.ActionTask;

/** The subject and plain-text body of a rule's email, written from the fire's payload. */
final class EmailText {
    private EmailText() {
    }

    /**
     * {@code [OpenCentral] Too hot fired for Thermostat 1}; a resolve's subject starts with
     * {@code Resolved: }, a test's with {@code [Test] }.
     */
    static String subject(ActionTask task) {
        JsonNode p = task.payload();
        String subject = "[OpenCentral] " + p.at("/rule/displayName").asText() + " " + p.path("kind").asText()
                + " for " + p.at("/device/displayName").asText(p.at("/device/id").asText());
        if ("resolved".equals(p.path("state").asText())) {
            subject = "Resolved: " + subject;
        }
        return p.path("test").asBoolean() ? "[Test] " + subject : subject;
    }

    static String body(ActionTask task) {
        JsonNode p = task.payload();
        StringBuilder body = new StringBuilder();
        body.append("Rule: ").append(p.at("/rule/displayName").asText()).append(" (").append(p.at("/rule/id").asText())
                .append(")\nDevice: ").append(p.at("/device/displayName").asText(p.at("/device/id").asText()))
                .append(" (").append(p.at("/device/id").asText()).append(")\nTime: ")
                .append(p.path("timestamp").asText()).append('\n');
        if (p.has("window")) {
            body.append("Window: ").append(p.at("/window/start").asText()).append(" to ")
                    .append(p.at("/window/end").asText()).append('\n');
        }
        for (String kind : new String[] {"telemetry", "properties", "cloudProperties"}) {
            values(body, kind, "", p.at("/device/" + kind));
        }
        body.append("Application: ").append(p.at("/application/displayName").asText()).append(" (")
                .append(p.at("/application/host").asText()).append(")\n");
        return body.toString();
    }

    /** One line per value: {@code temperature = 31.5}, {@code thermostat1.temperature avg = 30.2}. */
    private static void values(StringBuilder body, String kind, String prefix, JsonNode group) {
        for (Map.Entry<String, JsonNode> member : group.properties()) {
            JsonNode value = member.getValue();
            boolean leaf = value.isObject() && value.size() == 1 && isAggregateOrValue(value.fieldNames().next());
            if (leaf) {
                String shape = value.fieldNames().next();
                body.append(kind).append(": ").append(prefix).append(member.getKey())
                        .append(shape.equals("value") ? "" : " " + shape).append(" = ")
                        .append(value.get(shape).toString()).append('\n');
            } else if (value.isObject()) {
                values(body, kind, prefix + member.getKey() + ".", value);
            }
        }
    }

    private static boolean isAggregateOrValue(String name) {
        return switch (name) {
            case "value", "avg", "min", "max", "sum", "count" -> true;
            default -> false;
        };
    }
}
