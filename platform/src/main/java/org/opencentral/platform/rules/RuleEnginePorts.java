package org.opencentral.platform.rules;

import java.util.Objects;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.platform.telemetry.TelemetryParses;

/**
 * What the engine reads besides rules and the log: devices (their template, and what an action
 * says about them), shared telemetry parses, and the application actions name.
 */
public record RuleEnginePorts(DeviceStore devices, TelemetryParses parses, RuleApplication application) {
    public RuleEnginePorts {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(parses, "parses");
        Objects.requireNonNull(application, "application");
    }
}
