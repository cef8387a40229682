package org.opencentral.platform.simulation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.platform.eventlog.LogConsumer;

/** Starts and stops simulations as devices are created, changed and deleted (from the event log). */
public final class SimulationTrigger implements LogConsumer {
    private final Simulator simulator;

    public SimulationTrigger(Simulator simulator) {
        this.simulator = simulator;
    }

    @Override
    public String name() {
        return "simulation";
    }

    @Override
    public void handle(List<LoggedEvent> batch) {
        Set<DeviceId> changed = new LinkedHashSet<>();
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof DeviceLifecycle lifecycle) {
                changed.add(lifecycle.deviceId());
            }
        }
        changed.forEach(simulator::sync);
    }
}
