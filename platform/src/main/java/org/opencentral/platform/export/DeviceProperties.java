package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;

/**
 * A device's property values as an export reads them: the reported properties and the cloud
 * property values (components as nested objects marked {@code "__t": "c"}, as in twins), and the DTMI ({@code @id}) of each capability of its template that has one, by
 * {@link #key}.
 */
public record DeviceProperties(ObjectNode reported, ObjectNode cloud, Map<String, String> capabilityIds) {
    public static final DeviceProperties NONE = new DeviceProperties(Json.object(), Json.object(), Map.of());

    public DeviceProperties {
        reported = reported.deepCopy();
        cloud = cloud.deepCopy();
        capabilityIds = Map.copyOf(capabilityIds);
    }

    /** The key of a capability in {@link #capabilityIds}: its name, after its component's and a dot. */
    public static String key(Optional<String> component, String name) {
        return component.map(c -> c + "." + name).orElse(name);
    }

    /** The DTMI of the template's capability {@code name} (of {@code component}), if the template gives one. */
    public Optional<String> capabilityId(Optional<String> component, String name) {
        return Optional.ofNullable(capabilityIds.get(key(component, name)));
    }

    /** Reported values with the cloud property values over them. */
    public ObjectNode merged() {
        ObjectNode values = reported.deepCopy();
        for (Map.Entry<String, JsonNode> member : cloud.properties()) {
            if (member.getValue().isObject() && values.path(member.getKey()).isObject()) {
                ((ObjectNode) values.get(member.getKey())).setAll((ObjectNode) member.getValue());
            } else {
                values.set(member.getKey(), member.getValue());
            }
        }
        return values;
    }
}
