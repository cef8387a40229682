package org.opencentral.platform.simulation;

import java.time.Duration;
import java.util.Objects;
import org.opencentral.core.device.SimulationInterval;

/**
 * How simulated devices are driven.
 *
 * @param interval        default time between two telemetry messages of one device (a device may
 *                        have its own, {@link org.opencentral.core.device.Device#simulationInterval()})
 * @param tick            how often the scheduler looks for devices that are due; at most
 *                        {@link SimulationInterval#MIN}, so that every allowed interval is honoured
 * @param maxSendsPerTick most devices sending in one tick; the others wait for the next one
 * @param maxInFlight     most simulated messages not yet durable in the event log; above it the
 *                        scheduler skips ticks so that real devices keep the log to themselves
 */
public record SimulationConfig(Duration interval, Duration tick, int maxSendsPerTick, int maxInFlight) {

    public SimulationConfig {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(tick, "tick");
        if (interval.toMillis() < 100 || tick.toMillis() < 10 || tick.compareTo(SimulationInterval.MIN) > 0) {
            throw new IllegalArgumentException("interval must be >= 100 ms and tick between 10 and "
                    + SimulationInterval.MIN.toMillis() + " ms");
        }
        if (maxSendsPerTick < 1 || maxInFlight < 1) {
            throw new IllegalArgumentException("maxSendsPerTick and maxInFlight must be positive");
        }
    }

    /** Every 10 s per device; at most 2,000 sends per 250 ms tick and 5,000 messages in flight. */
    public static SimulationConfig defaults() {
        return new SimulationConfig(Duration.ofSeconds(10), Duration.ofMillis(250), 2_000, 5_000);
    }

    public SimulationConfig withInterval(Duration value) {
        return new SimulationConfig(value, tick, maxSendsPerTick, maxInFlight);
    }
}
