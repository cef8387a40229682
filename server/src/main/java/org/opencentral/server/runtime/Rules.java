package org.opencentral.server.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.rules.RuleEngine;
import org.opencentral.platform.rules.RuleEnginePorts;
import org.opencentral.platform.telemetry.TelemetryParses;

/**
 * The rule engine: a consumer of the event log from its own cursor, and a one-second timer step that
 * lets time pass (windows, absences, quiet periods); its lag and fires on {@code /metrics}.
 */
record Rules(RuleEngine engine, ConsumerRunner runner) {

    static Rules start(Consumer<AutoCloseable> keep, StateStore state, EventLog log, TelemetryParses parses,
            Clock clock, ScheduledExecutorService timer) {
        RuleEngine engine = new RuleEngine(state.rules(), log, new RuleEnginePorts(state.devices(), parses), clock);
        ConsumerRunner runner = new ConsumerRunner(log, state.cursors(), engine);
        keep.accept(runner);
        runner.start();
        Maintenance.every(timer, 1, TimeUnit.SECONDS, "rules", engine::runOnce);
        return new Rules(engine, runner);
    }

    void bind(MeterRegistry registry) {
        Gauge.builder("opencentral.rules.lag.events", runner, ConsumerRunner::lag)
                .description("durable events the rule engine has not evaluated yet").register(registry);
        Gauge.builder("opencentral.rules.lag.seconds", engine, e -> e.lag().toMillis() / 1000.0)
                .description("how far rule evaluation trails the event log in time").register(registry);
        FunctionCounter.builder("opencentral.rules.fires", engine, RuleEngine::fires)
                .description("rule fires and re-notifications").register(registry);
    }
}
