package org.opencentral.core.telemetry;

import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/**
 * One time series: a device's capability in a component ({@code ""} is the default component).
 * Members of JSON objects are flattened to dotted capability paths ({@code location.lat}).
 */
public record SeriesKey(DeviceId device, String component, String capability) {
    public SeriesKey {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(capability, "capability");
        if (capability.isEmpty()) {
            throw new IllegalArgumentException("capability must not be empty");
        }
    }
}
