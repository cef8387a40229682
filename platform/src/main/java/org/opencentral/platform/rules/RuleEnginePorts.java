package org.opencentral.platform.rules;

import java.util.Objects;
import org.opencentral.core.store.CursorStore;
import org.opencentral.platform.telemetry.TelemetryParses;

/**
 * What the engine reads besides rules and the log: devices (their template, group memberships and
 * cloud properties, and what an action says about them), its own cursor (how far it has read before its first step), shared telemetry
 * parses, the application actions name, and the count of rule edits (when to read the rules again).
 */
public record RuleEnginePorts(DeviceSources devices, CursorStore cursors, TelemetryParses parses,
        RuleApplication application, RuleEdits edits) {
    public RuleEnginePorts {
        Objects.requireNonNull(edits, "edits");
        Objects.requireNonNull(cursors, "cursors");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(parses, "parses");
        Objects.requireNonNull(application, "application");
    }
}
