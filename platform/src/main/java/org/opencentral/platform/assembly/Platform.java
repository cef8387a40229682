package org.opencentral.platform.assembly;

import java.time.Clock;
import java.time.Duration;
import org.opencentral.platform.export.ExportService;
import org.opencentral.platform.export.delivery.ExportRunner;
import org.opencentral.platform.dashboard.DashboardService;
import org.opencentral.platform.dashboard.Dashboards;
import org.opencentral.platform.dashboard.TileData;
import org.opencentral.platform.dashboard.TileSources;
import org.opencentral.platform.file.FileUploads;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.group.GroupFilters;
import org.opencentral.platform.query.service.TemplateCatalog;
import org.opencentral.platform.rules.RuleApplication;
import org.opencentral.platform.rules.RuleChecker;
import org.opencentral.platform.rules.RuleEngine;
import org.opencentral.platform.rules.RuleEnginePorts;
import org.opencentral.platform.rules.RuleReplay;
import org.opencentral.platform.rules.RuleService;
import org.opencentral.platform.rules.action.ActionSender;
import org.opencentral.platform.rules.action.WebhookClient;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.opencentral.platform.job.JobSteps;
import org.opencentral.platform.job.Jobs;
import java.util.concurrent.ScheduledExecutorService;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.ConnectionRecorder;
import org.opencentral.platform.device.DeviceAuthenticator;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.eventlog.LogConsumers;
import org.opencentral.platform.ingest.ActivityTracker;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.outbox.OutboxForwarder;
import org.opencentral.platform.relationship.RelationshipService;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.security.LoginThrottle;
import org.opencentral.platform.security.PasswordHasher;
import org.opencentral.platform.security.RoleCatalog;
import org.opencentral.platform.security.SecurityServices;
import org.opencentral.platform.security.SessionService;
import org.opencentral.platform.security.UserService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.simulation.SimulationConfig;
import org.opencentral.platform.simulation.SimulationPorts;
import org.opencentral.platform.simulation.SimulationTrigger;
import org.opencentral.platform.simulation.Simulator;
import org.opencentral.platform.telemetry.LastValueProjection;
import org.opencentral.platform.telemetry.RawMessages;
import org.opencentral.platform.telemetry.TelemetryIndexer;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.twin.TwinService;

/**
 * The platform's service graph, assembled in one place from a state store, an event log, a
 * telemetry store, a clock and a few settings: the server and every test platform build it here, so
 * they cannot drift. {@link #start()} starts the background work (command history, the outbox
 * forwarder, the event-log consumers, the rule actions' sender, the export runner (which follows the
 * log from a cursor per export and destination), the job engine (unless its caller steps it), the
 * simulator, the periodic chores);
 * {@link #close()} stops it.
 * The stores stay open: their owner closes them after the platform.
 *
 * <p>A new event-log consumer is one more line in the list of {@code consumers(…)} below.
 */
public record Platform(PlatformSettings settings, StateStore state, EventLog log, TelemetryStore telemetry, Clock clock,
        ScheduledExecutorService timer, DeviceSessions sessions, DeviceRegistry devices,
        DeviceAuthenticator authenticator, TwinService twins, CommandService commands, CommandHistory commandHistory,
        CloudToDeviceService cloudToDevice, ActivityTracker activity, IngestService ingest,
        ConnectionRecorder connections, SecurityServices security, Templates templates, Provisioning provisioning,
        RelationshipService relationships, RawMessages rawData, DeviceGroupService groups, RuleService rules,
        RuleEngine ruleEngine, ActionSender ruleActions, ExportService exports, ExportRunner exportRunner, Jobs jobs,
        Dashboards dashboards, Executor jobSteps, Simulator simulator, OutboxForwarder outboxForwarder,
        LogConsumers consumers, FileUploads files)
        implements AutoCloseable {
    /** Builds the services over the stores; nothing runs until {@link #start()}. */
    public static Platform assemble(StateStore state, EventLog log, TelemetryStore telemetry, Clock clock,
            PlatformSettings settings) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("opencentral-timer").daemon().factory());
        DeviceSessions sessions = new DeviceSessions(timer);
        CommandHistory commandHistory = new CommandHistory(state.commandHistory());
        DeviceRegistry devices = new DeviceRegistry(state.devices(), state.outbox(), sessions, commandHistory, clock);
        TwinService twins = new TwinService(state.twins(), state.outbox(), sessions, clock);
        CommandService commands = new CommandService(sessions, commandHistory, clock, timer);
        CloudToDeviceService cloudToDevice = new CloudToDeviceService(state.c2d(), sessions, clock);
        ActivityTracker activity = new ActivityTracker(state.devices(), clock);
        IngestService ingest = new IngestService(log, activity, clock, settings.messageSize());
        TelemetryParses parses = new TelemetryParses();
        Templates templates = Templates.create(state, devices, settings.modelRepo(), clock, parses);
        Simulator simulator = new Simulator(SimulationConfig.defaults().withInterval(settings.simulationInterval()),
                new SimulationPorts(devices, templates.service(), sessions, ingest, twins, commands, cloudToDevice),
                clock);
        SecurityServices security = security(state, settings.applicationId(), clock);
        Exports exports = Exports.create(state, log, settings, clock);
        DeviceGroupService groups = new DeviceGroupService(state.deviceGroups(), security.organizations(),
                new GroupFilters(settings.queryLimits(), new TemplateCatalog(templates.service())));
        Executor jobSteps = settings.jobStepping() == PlatformSettings.JobStepping.BACKGROUND
                ? Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("job-", 0).factory())
                : Runnable::run;
        JobSteps.Services deviceSteps = new JobSteps.Services(devices, twins, templates.cloudProperties(), commands,
                templates.service());
        Jobs jobs = new Jobs(new Jobs.Stores(state.jobs(), state.scheduledJobs(), groups, security.audit()),
                deviceSteps, settings.jobs(), clock, jobSteps);
        Rules rules = Rules.create(state, log, parses, new Rules.Services(templates.service(), groups, deviceSteps,
                security.audit()), settings, clock);
        return new Platform(settings, state, log, telemetry, clock, timer, sessions, devices,
                new DeviceAuthenticator(state.devices(), clock), twins, commands, commandHistory, cloudToDevice,
                activity, ingest, new ConnectionRecorder(state.devices(), state.outbox(), clock, templates.assignment()),
                security, templates, Provisioning.create(state, settings, templates.assignment(), clock),
                new RelationshipService(state.relationships(), devices, templates.service()), new RawMessages(log),
                groups, rules.service(), rules.engine(), rules.sender(),
                exports.service(), exports.runner(), jobs,
                new Dashboards(new DashboardService(state.dashboards(), security.organizations()),
                        new TileData(new TileSources(groups, telemetry, state.lastValues(), state.twins(),
                                state.cloudProperties(), state.telemetryIssues(), ingest.rate(), clock))),
                jobSteps, simulator,
                new OutboxForwarder(state.outbox(), log),
                consumers(state, log, telemetry, parses, templates, simulator, rules.engine()),
                new FileUploads(state.files(), settings.files(), clock));
    }

    /** The event-log consumers, in start order; each line is one consumer with its own cursor. */
    private static LogConsumers consumers(StateStore state, EventLog log, TelemetryStore telemetry,
            TelemetryParses parses, Templates templates, Simulator simulator, RuleEngine ruleEngine) {
        return new LogConsumers(log, state.cursors(), List.of(
                new LastValueProjection(state.lastValues(), parses),
                new TelemetryIndexer(telemetry, parses),
                templates.conformance(),
                new SimulationTrigger(simulator),
                ruleEngine));
    }

    private static SecurityServices security(StateStore state, String applicationId, Clock clock) {
        RoleCatalog roles = new RoleCatalog(state.roles(), clock);
        UserService users = new UserService(state.users(), state.sessions(), new PasswordHasher(), clock);
        return new SecurityServices(
                new ApiTokenService(state.apiTokens(), roles, applicationId, clock),
                users,
                new SessionService(state.sessions(), users, new LoginThrottle(clock), clock),
                roles,
                new OrganizationService(state.organizations(), state.devices(), state.users(), state.apiTokens()),
                new AuditLog(state.auditLog(), state.outbox(), clock));
    }

    private void stopJobSteps() {
        if (jobSteps instanceof ExecutorService executor) {
            executor.shutdownNow();
        }
    }

    /** Starts the background work in dependency order; {@link #close()} stops it. */
    public void start() {
        commandHistory.start();
        outboxForwarder.start();
        consumers.start();
        ruleActions.start();
        exportRunner.start();
        if (settings.jobStepping() == PlatformSettings.JobStepping.BACKGROUND) {
            jobs.start();
        }
        simulator.start();
        Chores.schedule(timer, this);
    }

    /**
     * Stops the background work: the consumers first (so that no lifecycle event starts a simulation
     * any more), the export runner, the rule actions' sender, the jobs (and their devices' steps), the
     * simulator, the outbox forwarder (which drains what is committed to the log), the
     * command history, the timer.
     */
    @Override
    public void close() {
        RuntimeException failure = null;
        for (AutoCloseable part : List.<AutoCloseable>of(consumers, exportRunner, ruleActions, jobs,
                this::stopJobSteps, simulator, outboxForwarder, commandHistory, timer::shutdownNow)) {
            try {
                part.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("the platform did not stop cleanly", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
