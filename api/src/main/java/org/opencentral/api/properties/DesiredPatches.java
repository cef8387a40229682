package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.opencentral.core.Json;
import org.opencentral.core.twin.Twin;

/**
 * Turns REST property bodies into desired-twin patches the Plug and Play way, and builds the 202
 * answer. A nested object in a device-level body is sent as a component ({@code "__t":"c"} added)
 * only when the twin already knows that name as a component, or the body marks it itself; without
 * a device template it cannot be told from an object-valued property (templates will decide later).
 */
public final class DesiredPatches {
    private DesiredPatches() {
    }

    /** The desired patch for a device-level body ({@code PATCH/PUT …/properties}). */
    public static ObjectNode forDevice(ObjectNode body, Twin twin) {
        ObjectNode reported = twin.reported().properties();
        ObjectNode desired = twin.desired().properties();
        ObjectNode patch = Json.object();
        for (Map.Entry<String, JsonNode> member : body.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equals("$metadata")) {
                continue;
            }
            boolean component = value instanceof ObjectNode object && (Components.isComponent(object)
                    || Components.isComponent(reported.get(name)) || Components.isComponent(desired.get(name)));
            patch.set(name, component ? Components.marked((ObjectNode) value) : value.deepCopy());
        }
        return patch;
    }

    /** The desired patch that merges {@code body} into component {@code name}. */
    public static ObjectNode forComponent(String name, ObjectNode body) {
        ObjectNode patch = Json.object();
        patch.set(name, Components.marked(body));
        return patch;
    }

    /**
     * The desired patch that replaces component {@code name} with {@code body}: members the twin's
     * desired component has and the body lacks are deleted ({@code null}).
     */
    public static ObjectNode replacingComponent(String name, ObjectNode body, Twin twin) {
        ObjectNode marked = Components.marked(body);
        Components.content(twin.desired().properties().get(name)).fieldNames().forEachRemaining(existing -> {
            if (!marked.has(existing)) {
                marked.putNull(existing);
            }
        });
        ObjectNode patch = Json.object();
        patch.set(name, marked);
        return patch;
    }

    /**
     * IoT Central's 202 answer to a property write: {@code $metadata.{name}.desiredValue} per written
     * property, nested per component, plus {@code desiredVersion} (the desired twin's new version).
     */
    public static ObjectNode accepted(ObjectNode patch, long version) {
        ObjectNode out = Json.object();
        ObjectNode metadata = Json.object();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String name = member.getKey();
            if (name.equals(Components.MARKER) || name.startsWith("$")) {
                continue;
            }
            if (Components.isComponent(member.getValue())) {
                out.set(name, accepted(Components.content(member.getValue()), version));
            } else {
                ObjectNode meta = metadata.putObject(name);
                meta.set("desiredValue", member.getValue().deepCopy());
                meta.put("desiredVersion", version);
            }
        }
        if (!metadata.isEmpty()) {
            out.set("$metadata", metadata);
        }
        return out;
    }
}
