package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;

/**
 * What a transform reads: IoT Central's transform input, built from an exported {@code default@v1}
 * message (enrichments included) and the facts about its device. Every member of the message is
 * kept, and for a device message it adds {@code device} ({@code id}, {@code name}, {@code templateId},
 * {@code templateName}, {@code enabled}, {@code organizations}, {@code deleted}, {@code provisioned},
 * {@code simulated}, {@code blocked}, {@code properties.reported} and {@code cloudProperties} as
 * {@code [{id, name, value, component?}]}); {@code telemetry} becomes the list
 * {@code [{id, name, value, component?}]} and a property change's {@code properties} gain their
 * {@code id}. {@code id} is the capability's DTMI from the device's template, left out when the
 * template does not give one.
 */
public final class TransformInput {
    private TransformInput() {
    }

    public static ObjectNode of(ObjectNode message, DeviceFacts facts) {
        ObjectNode input = message.deepCopy();
        if (!message.path("deviceId").isTextual()) {
            return input;
        }
        DeviceProperties properties = facts.device().isPresent() ? facts.properties().get() : DeviceProperties.NONE;
        input.set("device", device(message.get("deviceId").asText(), facts, properties));
        Optional<String> component = Optional.ofNullable(message.get("component")).map(JsonNode::asText);
        if (message.path("telemetry").isObject()) {
            ArrayNode telemetry = Json.MAPPER.createArrayNode();
            message.get("telemetry").properties().forEach(m -> entry(telemetry, properties, component, m.getKey(),
                    m.getValue()));
            input.set("telemetry", telemetry);
        }
        if (message.path("properties").isArray()) {
            ArrayNode changed = Json.MAPPER.createArrayNode();
            for (JsonNode property : message.get("properties")) {
                entry(changed, properties, Optional.ofNullable(property.get("component")).map(JsonNode::asText),
                        property.path("name").asText(), property.path("value"));
            }
            input.set("properties", changed);
        }
        return input;
    }

    private static ObjectNode device(String id, DeviceFacts facts, DeviceProperties properties) {
        ObjectNode device = Json.object().put("id", id);
        Optional<Device> known = facts.device();
        known.ifPresent(d -> device.put("name", d.displayName()));
        facts.templateId().ifPresent(t -> device.put("templateId", t));
        facts.templateDisplayName().ifPresent(t -> device.put("templateName", t));
        known.ifPresent(d -> {
            device.put("enabled", d.enabled());
            ArrayNode organizations = device.putArray("organizations");
            d.organization().ifPresent(organizations::add);
        });
        device.put("deleted", known.isEmpty());
        known.ifPresent(d -> device.put("provisioned", d.provisioned()).put("simulated", d.simulated())
                .put("blocked", !d.enabled()));
        device.putObject("properties").set("reported", entries(properties.reported(), properties));
        device.set("cloudProperties", entries(properties.cloud(), properties));
        return device;
    }

    /** Property values (components as objects marked {@code __t: c}) as a list of entries. */
    private static ArrayNode entries(ObjectNode values, DeviceProperties properties) {
        ArrayNode list = Json.MAPPER.createArrayNode();
        for (Map.Entry<String, JsonNode> member : values.properties()) {
            if (member.getKey().startsWith("$") || member.getKey().startsWith("__")) {
                continue;
            }
            JsonNode value = member.getValue();
            if (value.isObject() && "c".equals(value.path("__t").asText(null))) {
                value.properties().stream().filter(inner -> !inner.getKey().startsWith("__"))
                        .forEach(inner -> entry(list, properties, Optional.of(member.getKey()), inner.getKey(),
                                inner.getValue()));
            } else {
                entry(list, properties, Optional.empty(), member.getKey(), value);
            }
        }
        return list;
    }

    private static void entry(ArrayNode list, DeviceProperties properties, Optional<String> component, String name,
            JsonNode value) {
        ObjectNode entry = list.addObject();
        properties.capabilityId(component, name).ifPresent(id -> entry.put("id", id));
        entry.put("name", name);
        entry.set("value", value);
        component.ifPresent(c -> entry.put("component", c));
    }
}
