package org.opencentral.core.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published device template: IoT Central's envelope ({@code @id}, {@code @type}, displayName,
 * description, etag) around its capability model, a DTDL Interface kept as JSON (components and
 * {@code extends} inlined). {@code id} is the template's DTMI; {@code modelId} is the capability
 * model's own {@code @id} (the two are the same for auto-imported Plug and Play models).
 * Immutable once published except for displayName, description and cloud properties.
 */
public record DeviceTemplate(String id, List<String> types, String displayName, Optional<String> description,
        ObjectNode capabilityModel, String etag, Instant createdAt) {
    public static final List<String> DEFAULT_TYPES = List.of("ModelDefinition", "DeviceModel");

    public DeviceTemplate {
        Objects.requireNonNull(id, "id");
        if (!id.startsWith("dtmi:") || id.length() > 4096) {
            throw new IllegalArgumentException("a template id is a DTMI: " + id);
        }
        types = List.copyOf(types);
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        capabilityModel = capabilityModel.deepCopy();
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public ObjectNode capabilityModel() {
        return capabilityModel.deepCopy();
    }

    /** The capability model's {@code @id}; the template id when the model has none. */
    public String modelId() {
        return capabilityModel.path("@id").isTextual() ? capabilityModel.get("@id").asText() : id;
    }

    public DeviceTemplate withEnvelope(String newDisplayName, Optional<String> newDescription,
            ObjectNode newCapabilityModel, String newEtag) {
        return new DeviceTemplate(id, types, newDisplayName, newDescription, newCapabilityModel, newEtag, createdAt);
    }
}
