package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The DTMI ({@code @id}) of each telemetry, property and command of a template's capability model
 * (components inlined as their {@code schema}), by {@link DeviceProperties#key}; capabilities
 * without an {@code @id} are left out.
 */
public final class CapabilityIds {
    private CapabilityIds() {
    }

    public static Map<String, String> of(JsonNode capabilityModel) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode content : capabilityModel.path("contents")) {
            String name = content.path("name").asText("");
            if (isComponent(content) && content.path("schema").isObject()) {
                for (JsonNode inner : content.path("schema").path("contents")) {
                    put(ids, Optional.of(name), inner);
                }
            } else {
                put(ids, Optional.empty(), content);
            }
        }
        return ids;
    }

    private static void put(Map<String, String> ids, Optional<String> component, JsonNode content) {
        if (content.path("@id").isTextual() && content.path("name").isTextual()) {
            ids.put(DeviceProperties.key(component, content.get("name").asText()), content.get("@id").asText());
        }
    }

    private static boolean isComponent(JsonNode content) {
        JsonNode type = content.path("@type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if ("Component".equals(t.asText())) {
                    return true;
                }
            }
            return false;
        }
        return "Component".equals(type.asText());
    }
}
