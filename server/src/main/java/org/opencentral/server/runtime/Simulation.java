package org.opencentral.server.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.simulation.SimulationConfig;
import org.opencentral.platform.simulation.SimulationPorts;
import org.opencentral.platform.simulation.SimulationTrigger;
import org.opencentral.platform.simulation.Simulator;

/**
 * Simulated devices: the simulator over the same services real devices use, started and stopped by
 * device lifecycle events, and resumed for the simulated devices that already exist.
 */
final class Simulation {
    private Simulation() {
    }

    static Simulator start(Consumer<AutoCloseable> keep, Duration interval, EventLog log, StateStore state,
            Services services, Templates templates, Clock clock) {
        SimulationPorts ports = new SimulationPorts(services.devices(), templates.service(), services.sessions(),
                services.ingest(), services.twins(), services.commands(), services.cloudToDevice());
        Simulator simulator = new Simulator(SimulationConfig.defaults().withInterval(interval), ports, clock);
        keep.accept(simulator);
        ConsumerRunner trigger = new ConsumerRunner(log, state.cursors(), new SimulationTrigger(simulator));
        keep.accept(trigger);
        trigger.start();
        simulator.start();
        return simulator;
    }

    /** How many devices the server simulates and how many messages they sent, on {@code /metrics}. */
    static void bind(MeterRegistry registry, Simulator simulator) {
        Gauge.builder("opencentral.simulation.devices", simulator, Simulator::runningCount)
                .description("simulated devices running on this node").register(registry);
        FunctionCounter.builder("opencentral.simulation.messages", simulator, Simulator::messagesSent)
                .description("telemetry messages sent by simulated devices").register(registry);
    }
}
