package org.opencentral.core.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * The last known value of one telemetry capability of a device. {@code component} is empty for
 * the default component.
 */
public record LastValue(DeviceId deviceId, String component, String name, JsonNode value, Instant timestamp) {
    public LastValue {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(name, "name");
        value = value.deepCopy();
        Objects.requireNonNull(timestamp, "timestamp");
    }

    @Override
    public JsonNode value() {
        return value.deepCopy();
    }
}
