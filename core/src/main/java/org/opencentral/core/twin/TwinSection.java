package org.opencentral.core.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.opencentral.core.Json;

/**
 * One half of a device twin (desired or reported): the property values without {@code $metadata}
 * and {@code $version}, the metadata tree ({@code $lastUpdated} per leaf, IoT Hub's layout) and the
 * section's version, which only grows. The JSON trees are copied in and out: a section is immutable.
 */
public record TwinSection(ObjectNode properties, ObjectNode metadata, long version) {
    public static final TwinSection EMPTY = new TwinSection(Json.object(), Json.object(), 1);

    public TwinSection {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(metadata, "metadata");
        if (version < 1) {
            throw new IllegalArgumentException("twin versions start at 1");
        }
        properties = properties.deepCopy();
        metadata = metadata.deepCopy();
    }

    @Override
    public ObjectNode properties() {
        return properties.deepCopy();
    }

    @Override
    public ObjectNode metadata() {
        return metadata.deepCopy();
    }

    /** IoT Hub's wire form: the properties plus {@code $metadata} and {@code $version}. */
    public ObjectNode toWire() {
        ObjectNode wire = properties.deepCopy();
        wire.set("$metadata", metadata.deepCopy());
        wire.put("$version", version);
        return wire;
    }
}
