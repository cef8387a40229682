package org.opencentral.server.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.rules.RuleEngine;
import org.opencentral.platform.simulation.Simulator;

/**
 * The platform's background work on {@code /metrics}: each event-log consumer's lag and events
 * handled (tagged with its name), the events the consumers read from the log and those one handed
 * to the others (shared reads), the rule engine's lag in time and its fires, the simulated devices
 * and the messages they sent.
 */
final class PlatformMetrics {
    private PlatformMetrics() {
    }

    static void bind(MeterRegistry registry, Platform platform) {
        for (ConsumerRunner runner : platform.consumers().runners()) {
            Gauge.builder("opencentral.eventlog.consumer.lag", runner, ConsumerRunner::lag)
                    .description("durable events the consumer has not handled yet").baseUnit("events")
                    .tag("consumer", runner.name()).register(registry);
            FunctionCounter.builder("opencentral.eventlog.consumer.events", runner, ConsumerRunner::eventsHandled)
                    .description("events the consumer handled since the node started").baseUnit("events")
                    .tag("consumer", runner.name()).register(registry);
        }
        FunctionCounter.builder("opencentral.eventlog.consumer.reads", platform.consumers(), c -> c.readStats().shared())
                .description("events handed to a consumer from a batch another consumer read").baseUnit("events")
                .tag("from", "shared").register(registry);
        FunctionCounter.builder("opencentral.eventlog.consumer.reads", platform.consumers(), c -> c.readStats().read())
                .description("events the consumers read from the log").baseUnit("events")
                .tag("from", "log").register(registry);
        Gauge.builder("opencentral.rules.lag.seconds", platform.ruleEngine(), e -> e.lag().toMillis() / 1000.0)
                .description("how far rule evaluation trails the event log in time").register(registry);
        FunctionCounter.builder("opencentral.rules.fires", platform.ruleEngine(), RuleEngine::fires)
                .description("rule fires and re-notifications").register(registry);
        Gauge.builder("opencentral.simulation.devices", platform.simulator(), Simulator::runningCount)
                .description("simulated devices running on this node").register(registry);
        FunctionCounter.builder("opencentral.simulation.messages", platform.simulator(), Simulator::messagesSent)
                .description("telemetry messages sent by simulated devices").register(registry);
    }
}
