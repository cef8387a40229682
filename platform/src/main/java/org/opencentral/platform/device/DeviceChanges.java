package org.opencentral.platform.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The writable fields of a device as a REST body gives them; an empty field keeps the current
 * value (PATCH) or takes the default (create). {@code organization} empty on create means the root.
 */
public record DeviceChanges(Optional<String> displayName, Optional<String> template, Optional<Boolean> enabled,
        Optional<Boolean> simulated, Optional<String> organization) {
    public static final DeviceChanges NONE = new DeviceChanges(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public DeviceChanges(Optional<String> displayName, Optional<String> template, Optional<Boolean> enabled,
            Optional<Boolean> simulated) {
        this(displayName, template, enabled, simulated, Optional.empty());
    }

    public DeviceChanges {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(simulated, "simulated");
        Objects.requireNonNull(organization, "organization");
    }
}
