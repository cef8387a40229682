package org.opencentral.platform.rules;

import java.util.Objects;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.platform.telemetry.TelemetryParses;

/** What the engine reads besides rules and the log: devices (for their template) and shared telemetry parses. */
public record RuleEnginePorts(DeviceStore devices, TelemetryParses parses) {
    public RuleEnginePorts {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(parses, "parses");
    }
}
