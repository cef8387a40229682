package org.opencentral.core.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;

/**
 * A job definition in IoT Central's JSON ({@code displayName, description, group, batch,
 * cancellationThreshold, data, organizations}), read from a request body or a stored row and
 * written back. Reading names the member that is wrong in a BAD_REQUEST. A command item may carry
 * OpenCentral's {@code connectionTimeout} (seconds an offline device may take to connect).
 */
public final class JobDefinitionJson {
    private JobDefinitionJson() {
    }

    public static ObjectNode write(JobDefinition definition) {
        ObjectNode json = Json.object();
        json.put("displayName", definition.displayName());
        definition.description().ifPresent(d -> json.put("description", d));
        json.put("group", definition.group());
        definition.batch().ifPresent(b -> json.set("batch", amount(b)));
        definition.cancellationThreshold().ifPresent(t -> json.set("cancellationThreshold",
                amount(t.amount()).put("batch", t.perBatch())));
        var data = json.putArray("data");
        definition.data().forEach(d -> data.add(data(d)));
        if (!definition.organizations().isEmpty()) {
            definition.organizations().forEach(json.putArray("organizations")::add);
        }
        return json;
    }

    /** The definition in {@code body}; a missing {@code displayName} becomes {@code defaultName}. */
    public static JobDefinition read(JsonNode body, String defaultName) {
        if (!body.isObject()) {
            throw DomainException.badRequest("the job must be a JSON object");
        }
        String group = text(body, "group").orElseThrow(() -> DomainException.badRequest("'group' is required"));
        JsonNode items = body.path("data");
        if (!items.isArray() || items.isEmpty()) {
            throw DomainException.badRequest("'data' must be an array with at least one item");
        }
        List<JobData> data = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            data.add(data(items.get(i), "data[" + i + "]"));
        }
        List<String> organizations = new ArrayList<>();
        JsonNode orgs = body.path("organizations");
        if (!orgs.isMissingNode()) {
            if (!orgs.isArray() || orgs.size() > 1 || (orgs.size() == 1 && !orgs.get(0).isTextual())) {
                throw DomainException.badRequest("'organizations' must be an array of at most one organization id");
            }
            orgs.forEach(o -> organizations.add(o.asText()));
        }
        Optional<JobAmount> batch = body.has("batch") ? Optional.of(amount(body.get("batch"), "batch"))
                : Optional.empty();
        Optional<JobDefinition.CancellationThreshold> threshold = Optional.empty();
        if (body.has("cancellationThreshold")) {
            JsonNode t = body.get("cancellationThreshold");
            JsonNode perBatch = t.path("batch");
            if (!perBatch.isMissingNode() && !perBatch.isBoolean()) {
                throw DomainException.badRequest("'cancellationThreshold.batch' must be a boolean");
            }
            threshold = Optional.of(new JobDefinition.CancellationThreshold(amount(t, "cancellationThreshold"),
                    perBatch.asBoolean(false)));
        }
        return new JobDefinition(text(body, "displayName").orElse(defaultName), text(body, "description"), group,
                batch, threshold, data, organizations);
    }

    private static ObjectNode amount(JobAmount amount) {
        ObjectNode json = Json.object();
        json.put("type", amount.type().wireName());
        if (amount.value() == Math.floor(amount.value())) {
            json.put("value", (long) amount.value());
        } else {
            json.put("value", amount.value());
        }
        return json;
    }

    private static JobAmount amount(JsonNode json, String at) {
        String type = json.path("type").asText("");
        JobAmount.Kind kind = Arrays.stream(JobAmount.Kind.values()).filter(k -> k.wireName().equals(type))
                .findFirst().orElseThrow(() -> DomainException.badRequest(
                        "'" + at + ".type' must be 'number' or 'percentage'"));
        if (!json.path("value").isNumber()) {
            throw DomainException.badRequest("'" + at + ".value' must be a number");
        }
        try {
            return new JobAmount(kind, json.get("value").asDouble());
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("'" + at + ".value': " + e.getMessage());
        }
    }

    private static ObjectNode data(JobData data) {
        ObjectNode json = Json.object();
        json.put("type", data.type());
        switch (data) {
            case JobData.Property p -> capability(json, p.target(), p.path(), p.value());
            case JobData.CloudProperty p -> capability(json, p.target(), p.path(), p.value());
            case JobData.Command c -> {
                capability(json, c.target(), c.path(), c.value());
                if (c.connectionTimeout() > 0) {
                    json.put("connectionTimeout", c.connectionTimeout());
                }
            }
            case JobData.TemplateMigration m -> json.put("template", m.template());
        }
        return json;
    }

    private static void capability(ObjectNode json, String target, String path, JsonNode value) {
        json.put("target", target);
        json.put("path", path);
        if (!value.isMissingNode()) {
            json.set("value", value);
        }
    }

    private static JobData data(JsonNode json, String at) {
        String type = json.path("type").asText("");
        try {
            if (type.equals("deviceTemplateMigration")) {
                return new JobData.TemplateMigration(text(json, "template").orElseThrow(
                        () -> DomainException.badRequest("'" + at + ".template' is required")));
            }
            String target = text(json, "target").orElseThrow(
                    () -> DomainException.badRequest("'" + at + ".target' is required"));
            String path = text(json, "path").orElseThrow(
                    () -> DomainException.badRequest("'" + at + ".path' is required"));
            JsonNode value = json.has("value") ? json.get("value") : MissingNode.getInstance();
            return switch (type) {
                case "property" -> new JobData.Property(target, path, required(value, at));
                case "cloudProperty" -> new JobData.CloudProperty(target, path, required(value, at));
                case "command" -> new JobData.Command(target, path, value, connectionTimeout(json, at));
                default -> throw DomainException.badRequest("'" + at + ".type' must be one of property, "
                        + "cloudProperty, command, deviceTemplateMigration");
            };
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("'" + at + "': " + e.getMessage());
        }
    }

    private static int connectionTimeout(JsonNode json, String at) {
        JsonNode timeout = json.path("connectionTimeout");
        if (timeout.isMissingNode()) {
            return 0;
        }
        if (!timeout.isIntegralNumber()) {
            throw DomainException.badRequest("'" + at + ".connectionTimeout' must be a whole number of seconds");
        }
        return timeout.asInt();
    }

    private static JsonNode required(JsonNode value, String at) {
        if (value.isMissingNode()) {
            throw DomainException.badRequest("'" + at + ".value' is required");
        }
        return value;
    }

    private static Optional<String> text(JsonNode json, String name) {
        JsonNode value = json.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw DomainException.badRequest("'" + name + "' must be a non-blank string");
        }
        return Optional.of(value.asText());
    }
}
