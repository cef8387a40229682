package org.opencentral.platform.device;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.SimulationInterval;

/**
 * The writable fields of a device as a REST body gives them; an empty field keeps the current
 * value (PATCH) or takes the default (create). {@code organization} empty on create means the root.
 * {@code simulationInterval} has three states: empty keeps the current interval (the default on
 * create), {@code Optional.of(Optional.empty())} sets the server's default, and
 * {@code Optional.of(Optional.of(i))} sets {@code i}.
 */
public record DeviceChanges(Optional<String> displayName, Optional<String> template, Optional<Boolean> enabled,
        Optional<Boolean> simulated, Optional<String> organization,
        Optional<Optional<SimulationInterval>> simulationInterval) {
    public static final DeviceChanges NONE = new DeviceChanges(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    public DeviceChanges(Optional<String> displayName, Optional<String> template, Optional<Boolean> enabled,
            Optional<Boolean> simulated) {
        this(displayName, template, enabled, simulated, Optional.empty());
    }

    /** Changes that keep the simulation interval. */
    public DeviceChanges(Optional<String> displayName, Optional<String> template, Optional<Boolean> enabled,
            Optional<Boolean> simulated, Optional<String> organization) {
        this(displayName, template, enabled, simulated, organization, Optional.empty());
    }

    public DeviceChanges {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(simulated, "simulated");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(simulationInterval, "simulationInterval");
    }

    public DeviceChanges withOrganization(String value) {
        return new DeviceChanges(displayName, template, enabled, simulated, Optional.of(value), simulationInterval);
    }

    /** These changes, setting the interval ({@code Optional.empty()}: the server's default). */
    public DeviceChanges withSimulationInterval(Optional<SimulationInterval> value) {
        return new DeviceChanges(displayName, template, enabled, simulated, organization, Optional.of(value));
    }
}
