package org.opencentral.platform.assembly;

import java.time.Clock;
import java.time.Duration;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.job.JobSteps;
import org.opencentral.platform.rules.ActionTests;
import org.opencentral.platform.rules.DeviceSources;
import org.opencentral.platform.rules.RuleApplication;
import org.opencentral.platform.rules.RuleChecker;
import org.opencentral.platform.rules.RuleEdits;
import org.opencentral.platform.rules.RuleEngine;
import org.opencentral.platform.rules.RuleEnginePorts;
import org.opencentral.platform.rules.RuleReplay;
import org.opencentral.platform.rules.RuleService;
import org.opencentral.platform.rules.action.ActionDelivery;
import org.opencentral.platform.rules.action.ActionSender;
import org.opencentral.platform.rules.action.DeviceActions;
import org.opencentral.platform.rules.action.WebhookClient;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.TemplateService;

/**
 * Rules: the service the REST API uses (checks, replay, "send test"), the engine that evaluates
 * them from the log and the sender of their actions, wired to the state store, the device groups,
 * and the services a device action goes through (those of jobs, audited as the rule).
 */
record Rules(RuleService service, RuleEngine engine, ActionSender sender) {
    /** How long a rule's webhook call may take before it counts as failed (and is retried). */
    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(10);

    /** What the rules act through besides the stores. */
    record Services(TemplateService templates, DeviceGroupService groups, JobSteps.Services devices, AuditLog audit) {
    }

    static Rules create(StateStore state, EventLog log, TelemetryParses parses, Services services,
            PlatformSettings settings, Clock clock) {
        RuleApplication application = new RuleApplication(settings.applicationId(), "OpenCentral",
                settings.publicHost());
        DeviceSources devices = new DeviceSources(state.devices(), state.cloudProperties(), services.groups());
        ActionDelivery delivery = new ActionDelivery(new WebhookClient(WEBHOOK_TIMEOUT), settings.mailer(),
                new DeviceActions(new JobSteps(services.devices(), settings.jobs()), services.audit()));
        RuleEdits edits = new RuleEdits();
        RuleService service = new RuleService(state.rules(), edits,
                new RuleChecker(services.templates(), services.groups(), settings.mailer().isPresent()),
                new RuleReplay(log, devices, parses),
                new ActionTests(services.templates(), state.devices(), delivery, application, clock));
        if (settings.mailer().isEmpty()) {
            service.requireNoEmailActions();
        }
        RuleEngine engine = new RuleEngine(state.rules(), log, new RuleEnginePorts(devices, state.cursors(), parses,
                application, edits), clock);
        return new Rules(service, engine, new ActionSender(state.rules(), delivery, clock));
    }
}
