package org.opencentral.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * The value of one cloud property of a device: stored by the platform only, never sent to the
 * device. {@code component} is empty for the default component.
 */
public record CloudPropertyValue(DeviceId deviceId, String component, String name, JsonNode value,
        Instant updatedAt) {
    public CloudPropertyValue {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(name, "name");
        value = value.deepCopy();
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public JsonNode value() {
        return value.deepCopy();
    }
}
