package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.template.CloudPropertyValue;

/** Puts cloud property values into a DeviceProperties view, with their {@code lastUpdateTime}. */
final class CloudValues {
    private CloudValues() {
    }

    /** Adds the values of {@code component} (empty: the default component and nested components). */
    static void addTo(ObjectNode view, List<CloudPropertyValue> cloud, Optional<String> component) {
        for (CloudPropertyValue value : cloud) {
            ObjectNode target;
            if (component.isPresent()) {
                if (!value.component().equals(component.get())) {
                    continue;
                }
                target = view;
            } else {
                target = value.component().isEmpty() ? view
                        : view.has(value.component()) && view.get(value.component()).isObject()
                                ? (ObjectNode) view.get(value.component()) : view.putObject(value.component());
            }
            target.set(value.name(), value.value());
            ObjectNode metadata = target.has("$metadata") ? (ObjectNode) target.get("$metadata")
                    : target.putObject("$metadata");
            metadata.putObject(value.name()).put("lastUpdateTime", value.updatedAt().toString());
        }
    }
}
