package org.opencentral.server.runtime;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RuleStore;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.rules.RuleApplication;
import org.opencentral.platform.rules.RuleEngine;
import org.opencentral.platform.rules.RuleEnginePorts;
import org.opencentral.platform.rules.action.ActionSender;
import org.opencentral.platform.rules.action.Mailer;
import org.opencentral.platform.rules.action.WebhookClient;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.mail.SmtpMailer;

/**
 * The rule engine: a consumer of the event log from its own cursor, a one-second timer step that
 * lets time pass (windows, absences, quiet periods), and the sender of the action outbox (webhooks,
 * and email through the configured SMTP server); its lag and fires on {@code /metrics}. A node
 * without an SMTP server refuses to start while a rule has an email action.
 */
record Rules(RuleEngine engine, ConsumerRunner runner) {
    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    static Rules start(Consumer<AutoCloseable> keep, ServerConfig config, ApplicationIdentity identity,
            StateStore state, EventLog log, TelemetryParses parses, Clock clock, ScheduledExecutorService timer) {
        Optional<Mailer> mailer = config.smtp().enabled() ? Optional.of(new SmtpMailer(config.smtp()))
                : Optional.empty();
        if (mailer.isEmpty()) {
            requireNoEmail(state.rules());
        }
        RuleApplication application = new RuleApplication(identity.applicationId(), "OpenCentral",
                config.publicHost());
        RuleEngine engine = new RuleEngine(state.rules(), log,
                new RuleEnginePorts(state.devices(), state.cursors(), parses, application), clock);
        ConsumerRunner runner = new ConsumerRunner(log, state.cursors(), engine);
        ActionSender sender = new ActionSender(state.rules(), new WebhookClient(WEBHOOK_TIMEOUT), mailer, clock);
        keep.accept(sender);
        keep.accept(runner);
        sender.start();
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

    private static void requireNoEmail(RuleStore rules) {
        Optional<String> after = Optional.empty();
        do {
            Page<Rule> page = rules.list(after, 1000);
            for (Rule rule : page.items()) {
                if (rule.actions().stream().anyMatch(RuleAction.Email.class::isInstance)) {
                    throw new IllegalStateException("rule '" + rule.id() + "' sends email, but no SMTP server is "
                            + "configured: set --smtp-host (OPENCENTRAL_SMTP_HOST) or remove its email action");
                }
            }
            after = page.next();
        } while (after.isPresent());
    }
}
