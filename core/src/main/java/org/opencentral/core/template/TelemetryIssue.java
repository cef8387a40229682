package org.opencentral.core.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * Telemetry of a device that its template does not describe ({@link Kind#UNMODELED}) or that does
 * not fit its schema ({@link Kind#INVALID}): how often it was seen, the last value, when and why.
 * The data itself is kept like any other telemetry; this only flags it. {@code component} is empty
 * for the default component; {@code reason} is empty for unmodeled data.
 */
public record TelemetryIssue(DeviceId deviceId, String component, String name, Kind kind, String reason,
        long count, JsonNode lastValue, Instant lastSeen) {
    public enum Kind { UNMODELED, INVALID }

    public TelemetryIssue {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if (count < 1) {
            throw new IllegalArgumentException("an issue is seen at least once");
        }
        lastValue = lastValue.deepCopy();
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    @Override
    public JsonNode lastValue() {
        return lastValue.deepCopy();
    }
}
