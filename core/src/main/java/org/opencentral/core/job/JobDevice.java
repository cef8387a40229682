package org.opencentral.core.job;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/** One device of a started job: its batch (0-based), its status and, when it failed, why. */
public record JobDevice(DeviceId device, int batch, DeviceJobStatus status, Optional<String> reason) {
    public JobDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        if (batch < 0) {
            throw new IllegalArgumentException("batch must not be negative");
        }
    }
}
