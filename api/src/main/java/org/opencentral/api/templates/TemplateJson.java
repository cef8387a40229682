package org.opencentral.api.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.http.ApiError;
import org.opencentral.api.http.ETags;
import org.opencentral.core.Json;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.template.TemplateDraft;

/**
 * IoT Central's {@code DeviceTemplate} JSON: {@code @id, @type, etag, displayName, description,
 * capabilityModel}. In request bodies {@code @id} must match the path, {@code @type} must name
 * {@code ModelDefinition} and {@code DeviceModel} when given, and {@code capabilityModel} must be
 * an object; other members are ignored.
 */
final class TemplateJson {
    private TemplateJson() {
    }

    static ObjectNode toJson(DeviceTemplate template) {
        ObjectNode json = Json.object();
        json.put("@id", template.id());
        var types = json.putArray("@type");
        template.types().forEach(types::add);
        json.put("etag", ETags.bare(template.etag()));
        json.put("displayName", template.displayName());
        template.description().ifPresent(d -> json.put("description", d));
        json.set("capabilityModel", template.capabilityModel());
        return json;
    }

    static TemplateDraft draft(String pathId, ObjectNode body) {
        JsonNode id = body.get("@id");
        if (id != null && !id.asText().equals(pathId)) {
            throw ApiError.badRequest("the body's @id '" + id.asText() + "' differs from the path's '" + pathId + "'");
        }
        JsonNode model = body.get("capabilityModel");
        if (model != null && !model.isObject()) {
            throw ApiError.badRequest("'capabilityModel' must be a DTDL Interface (a JSON object)");
        }
        return new TemplateDraft(types(body.get("@type")), text(body, "displayName"), text(body, "description"),
                Optional.ofNullable((ObjectNode) model));
    }

    static Optional<String> etag(ObjectNode body) {
        return text(body, "etag");
    }

    private static List<String> types(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        List<String> types = new ArrayList<>();
        node.forEach(t -> types.add(t.asText()));
        if (node.isTextual()) {
            types.add(node.asText());
        }
        if (!types.contains("ModelDefinition") || !types.contains("DeviceModel")) {
            throw ApiError.badRequest("'@type' must be [\"ModelDefinition\",\"DeviceModel\"]");
        }
        return types;
    }

    private static Optional<String> text(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiError.badRequest("'" + name + "' must be a string");
        }
        return Optional.of(value.asText());
    }
}
