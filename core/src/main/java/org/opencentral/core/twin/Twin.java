package org.opencentral.core.twin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;

/** A device twin: desired properties (set by the service) and reported properties (set by the device). */
public record Twin(DeviceId deviceId, TwinSection desired, TwinSection reported) {
    public Twin {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(reported, "reported");
    }

    public static Twin empty(DeviceId deviceId) {
        return new Twin(deviceId, TwinSection.EMPTY, TwinSection.EMPTY);
    }

    public Twin withDesired(TwinSection section) {
        return new Twin(deviceId, section, reported);
    }

    public Twin withReported(TwinSection section) {
        return new Twin(deviceId, desired, section);
    }

    /** The body of an MQTT twin GET response: {@code {"desired":{…,"$version":n},"reported":{…}}}. */
    public ObjectNode toWire() {
        ObjectNode wire = Json.object();
        wire.set("desired", desired.toWire());
        wire.set("reported", reported.toWire());
        return wire;
    }
}
