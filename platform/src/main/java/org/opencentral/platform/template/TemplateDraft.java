package org.opencentral.platform.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a caller sends to publish or patch a template: IoT Central's envelope members, each
 * optional (a publish needs {@code capabilityModel}). {@code types} defaults to
 * {@code ["ModelDefinition","DeviceModel"]}.
 */
public record TemplateDraft(List<String> types, Optional<String> displayName, Optional<String> description,
        Optional<ObjectNode> capabilityModel) {
    public TemplateDraft {
        types = List.copyOf(types);
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        capabilityModel = capabilityModel.map(ObjectNode::deepCopy);
    }

    @Override
    public Optional<ObjectNode> capabilityModel() {
        return capabilityModel.map(ObjectNode::deepCopy);
    }
}
