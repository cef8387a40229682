package org.opencentral.platform.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.dtdl.model.Component;
import org.opencentral.dtdl.model.Property;

/**
 * What a simulated device writes into its reported properties, in the Plug and Play conventions:
 * plausible values of its read-only properties at start, and the acknowledgement
 * {@code {value, ac: 200, av: <desired $version>, ad: "completed"}} of each writable property in a
 * desired patch. Components are written as {@code {"<component>": {"__t": "c", ...}}}.
 */
final class DeviceTwinReplies {
    private DeviceTwinReplies() {
    }

    /**
     * Read-only (non-cloud) properties not yet in {@code reported}, with their initial value or a
     * generated one; empty if there are none (a resumed device keeps what it reported before).
     */
    static Optional<ObjectNode> initialReported(SimulatedDevice device, ObjectNode reported, Instant now) {
        ObjectNode patch = Json.object();
        readOnly(device, Optional.empty(), reported, patch, now);
        for (Component component : device.model().components()) {
            ObjectNode section = Json.object();
            readOnly(device, Optional.of(component.name()), reported.path(component.name()), section, now);
            if (!section.isEmpty()) {
                section.put("__t", "c");
                patch.set(component.name(), section);
            }
        }
        return patch.isEmpty() ? Optional.empty() : Optional.of(patch);
    }

    private static void readOnly(SimulatedDevice device, Optional<String> component, JsonNode reported,
            ObjectNode into, Instant now) {
        for (Property p : device.model().properties(component)) {
            if (!p.writable() && !p.iotc().cloud() && !reported.has(p.name())) {
                into.set(p.name(), p.iotc().initialValue()
                        .orElseGet(() -> device.value(p.schema(), p.quantity(), now)));
            }
        }
    }

    /** The acknowledgements of the writable properties in a desired patch; empty if none. */
    static Optional<ObjectNode> acknowledge(SimulatedDevice device, ObjectNode desired, long version) {
        ObjectNode patch = Json.object();
        for (Map.Entry<String, JsonNode> member : members(desired)) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (device.model().component(name).isPresent() && value.isObject()) {
                ObjectNode section = Json.object();
                for (Map.Entry<String, JsonNode> inner : members((ObjectNode) value)) {
                    ackInto(device, Optional.of(name), inner, version, section);
                }
                if (!section.isEmpty()) {
                    section.put("__t", "c");
                    patch.set(name, section);
                }
            } else {
                ackInto(device, Optional.empty(), member, version, patch);
            }
        }
        return patch.isEmpty() ? Optional.empty() : Optional.of(patch);
    }

    private static void ackInto(SimulatedDevice device, Optional<String> component, Map.Entry<String, JsonNode> member,
            long version, ObjectNode into) {
        boolean writable = device.model().property(component, member.getKey())
                .filter(p -> p.writable() && !p.iotc().cloud()).isPresent();
        if (writable && !member.getValue().isNull()) {
            ObjectNode ack = into.putObject(member.getKey());
            ack.set("value", member.getValue().deepCopy());
            ack.put("ac", 200);
            ack.put("av", version);
            ack.put("ad", "completed");
        }
    }

    private static java.util.List<Map.Entry<String, JsonNode>> members(ObjectNode node) {
        java.util.List<Map.Entry<String, JsonNode>> list = new java.util.ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith("$") && !e.getKey().equals("__t")) {
                list.add(e);
            }
        });
        return list;
    }
}
