package org.opencentral.platform.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.opencentral.core.Json;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.group.GroupFilters;
import org.opencentral.platform.job.JobSettings;
import org.opencentral.platform.job.JobSteps;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.service.TemplateCatalog;
import org.opencentral.platform.rules.action.ActionDelivery;
import org.opencentral.platform.rules.action.DeviceActions;
import org.opencentral.platform.rules.action.WebhookClient;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TemplateDraft;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * A real SQLite state store and DuckDB log with the rules tests' thermostat template published,
 * and the real services rules read and act through: devices, twins, commands, cloud properties,
 * device groups and the audit log.
 */
public final class RuleStores implements AutoCloseable {
    static final String TEMPLATE = "dtmi:rules:thermostat;1";
    static final AccessScope EVERYWHERE = new AccessScope(true, Set.of());
    static final String MODEL = """
            {"@id": "dtmi:rules:thermostat_cm;1", "@type": "Interface", "@context": "dtmi:dtdl:context;2",
             "contents": [
               {"@type": "Telemetry", "name": "temperature", "schema": "double"},
               {"@type": "Telemetry", "name": "status", "schema": "string"},
               {"@type": "Telemetry", "name": "door", "schema": "boolean"},
               {"@type": "Telemetry", "name": "mode", "schema": {"@type": "Enum", "valueSchema": "string",
                 "enumValues": [{"name": "heat", "enumValue": "heat"}, {"name": "cool", "enumValue": "cool"}]}},
               {"@type": "Telemetry", "name": "position", "schema": {"@type": "Object", "fields": [
                 {"name": "x", "schema": "double"}]}},
               {"@type": "Property", "name": "firmware", "schema": "string"},
               {"@type": "Property", "name": "target", "schema": "double", "writable": true},
               {"@type": "Property", "name": "battery", "schema": {"@type": "Object", "fields": [
                 {"name": "level", "schema": "double"}, {"name": "state", "schema": "string"}]}},
               {"@type": ["Property", "Cloud"], "name": "limit", "schema": "double"},
               {"@type": ["Property", "Cloud"], "name": "site", "schema": "string"},
               {"@type": "Command", "name": "reboot", "request": {"name": "delay", "schema": "integer"}},
               {"@type": "Component", "name": "sensor", "schema": {"@id": "dtmi:rules:sensor;1",
                 "@type": "Interface", "contents": [{"@type": "Telemetry", "name": "level", "schema": "integer"},
                 {"@type": ["Property", "Cloud"], "name": "max", "schema": "integer"}]}}
             ]}
            """;

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    /** Shared by the rule service and the engines made over these stores, as the composition root shares it. */
    final RuleEdits edits = new RuleEdits();
    final Clock clock;
    public final StateStore state;
    final EventLog log;
    final TemplateService templates;
    final DeviceSessions sessions;
    final DeviceRegistry devices;
    final CommandHistory commandHistory;
    final CommandService commands;
    final CloudProperties cloudProperties;
    final DeviceGroupService groups;
    final AuditLog audit;

    public RuleStores(Path dir, Clock clock) {
        this.clock = clock;
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(), clock);
        templates.publish(TEMPLATE, new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(),
                Optional.empty(), Optional.of(Json.parseObject(MODEL))));
        sessions = new DeviceSessions(timer);
        devices = new DeviceRegistry(state.devices(), state.outbox(), sessions, new CommandHistory(state.commandHistory()), clock);
        commandHistory = new CommandHistory(state.commandHistory());
        commandHistory.start();
        commands = new CommandService(sessions, commandHistory, clock, timer);
        cloudProperties = new CloudProperties(state.cloudProperties(), state.outbox(), clock);
        groups = new DeviceGroupService(state.deviceGroups(), new OrganizationService(state.organizations(),
                state.devices(), state.users(), state.apiTokens()),
                new GroupFilters(QueryLimits.DEFAULTS, new TemplateCatalog(templates)));
        audit = new AuditLog(state.auditLog(), state.outbox(), clock);
    }

    DeviceSources sources() {
        return new DeviceSources(state.devices(), state.cloudProperties(), groups);
    }

    /** How actions are sent: webhooks with a 5 s timeout, no SMTP server, device actions as the API makes them. */
    public ActionDelivery delivery() {
        return new ActionDelivery(new WebhookClient(Duration.ofSeconds(5)), Optional.empty(), new DeviceActions(
                new JobSteps(new JobSteps.Services(devices, new TwinService(state.twins(), state.outbox(), sessions,
                        clock), cloudProperties, commands, templates), JobSettings.DEFAULTS), audit));
    }

    /** The engine's ports over these stores, with a parse cache of its own. */
    RuleEnginePorts enginePorts() {
        return new RuleEnginePorts(sources(), state.cursors(), new TelemetryParses(), application(), edits);
    }

    RuleApplication application() {
        return new RuleApplication("app-test", "Test", "localhost");
    }

    /** The rule service over these stores, on a server with an SMTP server. */
    RuleService rules() {
        return new RuleService(state.rules(), edits, new RuleChecker(templates, groups, true),
                new RuleReplay(log, sources(), new TelemetryParses()),
                new ActionTests(templates, state.devices(), delivery(), application(), clock));
    }

    @Override
    public void close() {
        timer.shutdownNow();
        commandHistory.close();
        log.close();
        state.close();
    }
}
