package org.opencentral.core.telemetry;

import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/** The aggregate of one device's capability over one window starting at {@code start}. */
public record DeviceWindow(DeviceId device, Instant start, Aggregate aggregate) {
    public DeviceWindow {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(aggregate, "aggregate");
    }
}
