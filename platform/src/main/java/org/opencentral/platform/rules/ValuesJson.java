package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.Json;
import org.opencentral.core.rule.Capability;

/**
 * The values a fire saw, grouped like IoT Central's rule webhook payload: {@code telemetry},
 * {@code properties} and {@code cloudProperties}, each by name, a component's values nested under
 * the component's name; each value is {@code {"value": v}}, an aggregate {@code {"avg": v}}.
 */
final class ValuesJson {
    private final ObjectNode json = Json.object();

    void put(String kind, Capability capability, JsonNode value) {
        ObjectNode wrapped = Json.object();
        wrapped.set("value", value.deepCopy());
        putShaped(kind, capability, wrapped);
    }

    /** Puts an already shaped value ({@code {"avg": 31.2}}). */
    void putShaped(String kind, Capability capability, ObjectNode value) {
        ObjectNode group = json.has(kind) ? (ObjectNode) json.get(kind) : json.putObject(kind);
        if (capability.component().isPresent()) {
            String component = capability.component().get();
            group = group.has(component) ? (ObjectNode) group.get(component) : group.putObject(component);
        }
        group.set(capability.name(), value.deepCopy());
    }

    ObjectNode json() {
        return json.deepCopy();
    }
}
