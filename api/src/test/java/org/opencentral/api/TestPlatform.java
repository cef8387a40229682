package org.opencentral.api;

import org.opencentral.core.testing.ManualClock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.security.RoleAssignment;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.security.ApiTokenService;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.outbox.OutboxForwarder;
import org.opencentral.platform.security.BuiltInRole;
import org.opencentral.platform.security.LoginThrottle;
import org.opencentral.platform.security.PasswordHasher;
import org.opencentral.platform.security.RoleCatalog;
import org.opencentral.platform.security.SessionService;
import org.opencentral.platform.security.UserService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.api.provisioning.ProvisioningServices;
import org.opencentral.platform.provisioning.DeviceAttestations;
import org.opencentral.platform.provisioning.EnrollmentGroupService;
import org.opencentral.platform.provisioning.SigningCertificates;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * Real platform services over SQLite and DuckDB in a temporary directory, and an {@link ApiServer}
 * on a free port in front of them. Tokens are checked against a clock the test can move.
 */
public final class TestPlatform implements AutoCloseable {
    static final String ID_SCOPE = "0ne00000001";

    public final StateStore state;
    final EventLog log;
    public final TelemetryStore telemetry;
    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final DeviceSessions sessions;
    final CommandService commands;
    final CommandHistory commandHistory;
    final OutboxForwarder outboxForwarder;
    final DeviceRegistry devices;
    final TwinService twins;
    final ApiTokenService tokens;
    final SecurityServices security;
    final ManualClock tokenClock = ManualClock.startingNow();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final AtomicBoolean ready = new AtomicBoolean(true);
    /** The platform's templates, also when they are not served over REST. */
    final org.opencentral.platform.template.TemplateService templateService;
    /** The jobs; their loop is not started: tests step them ({@code jobs.runOnce()}), devices on the caller. */
    final org.opencentral.platform.job.Jobs jobs;
    final org.opencentral.platform.group.DeviceGroupService groups;
    final ApiServer server;
    public final int port;

    TestPlatform(Path dir) {
        this(dir, ApiConfig.of("127.0.0.1", 0, ID_SCOPE));
    }

    public TestPlatform(Path dir, ApiConfig config) {
        this(dir, config, false);
    }

    /** A platform that also serves device templates (no model folder) when {@code templates} is set. */
    public TestPlatform(Path dir, ApiConfig config, boolean templates) {
        state = SqliteStateStore.open(dir.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(dir.resolve("events.duckdb"));
        telemetry = DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"));
        Clock clock = Clock.systemUTC();
        sessions = new DeviceSessions(timer);
        commandHistory = new CommandHistory(state.commandHistory());
        commandHistory.start();
        outboxForwarder = new OutboxForwarder(state.outbox(), log);
        outboxForwarder.start();
        commands = new CommandService(sessions, commandHistory, clock);
        devices = new DeviceRegistry(state.devices(), state.outbox(), sessions, clock);
        twins = new TwinService(state.twins(), state.outbox(), sessions, clock);
        RoleCatalog roles = new RoleCatalog(state.roles(), clock);
        tokens = new ApiTokenService(state.apiTokens(), roles, "app-test", tokenClock);
        UserService users = new UserService(state.users(), state.sessions(), new PasswordHasher(), clock);
        security = new SecurityServices(tokens, users,
                new SessionService(state.sessions(), users, new LoginThrottle(tokenClock), tokenClock), roles,
                new OrganizationService(state.organizations(), state.devices(), state.users(), state.apiTokens()),
                new AuditLog(state.auditLog(), state.outbox(), clock));
        templateService = new org.opencentral.platform.template.TemplateService(state.templates(),
                Optional.empty(), state.outbox(), clock);
        groups = new org.opencentral.platform.group.DeviceGroupService(state.deviceGroups(),
                security.organizations(), new org.opencentral.platform.group.GroupFilters(
                        org.opencentral.platform.query.QueryLimits.DEFAULTS,
                        new org.opencentral.platform.query.service.TemplateCatalog(templateService)));
        ApiServices services = new ApiServices(devices, twins, commands,
                new CloudToDeviceService(state.c2d(), sessions, clock), state.lastValues(), security, clock)
                .withProvisioning(provisioning(clock))
                .withTelemetry(telemetry)
                .withRawData(new org.opencentral.platform.telemetry.RawMessages(log))
                .withRelationships(new org.opencentral.platform.relationship.RelationshipService(
                        state.relationships(), devices, templateService))
                .withGroups(groups);
        var cloudProperties = new org.opencentral.platform.template.CloudProperties(state.cloudProperties(),
                state.outbox(), clock);
        jobs = new org.opencentral.platform.job.Jobs(new org.opencentral.platform.job.Jobs.Stores(state.jobs(),
                state.scheduledJobs(), groups, security.audit()),
                new org.opencentral.platform.job.JobSteps.Services(devices, twins, cloudProperties, commands,
                        templateService), org.opencentral.platform.job.JobSettings.DEFAULTS, clock, Runnable::run);
        services = services.withJobs(jobs);
        if (templates) {
            services = services.withTemplates(new org.opencentral.api.templates.TemplateServices(templateService,
                    cloudProperties, state.telemetryIssues()));
        }
        Operations operations = new Operations(ready::get, () -> "# HELP up 1\nup 1\n", meters);
        server = new ApiServer(config, services, operations, Optional.of(log));
        port = server.start();
    }

    /** The REST rows of the server's route table. */
    List<org.opencentral.api.http.ApiRoute> restRoutes() {
        return server.routes().stream().filter(org.opencentral.api.http.ApiRoute.class::isInstance)
                .map(org.opencentral.api.http.ApiRoute.class::cast).toList();
    }

    /** The rows of the REST API under {@code /api}: what the OpenAPI document describes. */
    List<org.opencentral.api.http.Route> documentedRoutes() {
        return server.routes().stream().filter(org.opencentral.api.http.Route::documented).toList();
    }

    public String token(String id, BuiltInRole role) {
        return tokens.create(id, List.of(RoleAssignment.of(role.id())), Optional.empty()).value();
    }

    /** A token holding {@code role} within organization {@code org}. */
    String token(String id, String role, String org) {
        return tokens.create(id, List.of(new RoleAssignment(role, Optional.of(org))), Optional.empty()).value();
    }

    String token(String id, String role) {
        return tokens.create(id, List.of(RoleAssignment.of(role)), Optional.empty()).value();
    }

    String token(String id, BuiltInRole role, Instant expiry) {
        return tokens.create(id, List.of(RoleAssignment.of(role.id())), Optional.of(expiry)).value();
    }

    /** The provisioning services as the server wires them (enrollment groups, attestations). */
    private ProvisioningServices provisioning(Clock clock) {
        EnrollmentGroupService groups = new EnrollmentGroupService(state.provisioning().groups());
        return new ProvisioningServices(groups, new SigningCertificates(groups),
                new DeviceAttestations(state.devices(), state.provisioning(), state.outbox(), clock));
    }

    @Override
    public void close() {
        server.stop();
        timer.shutdownNow();
        commandHistory.close();
        outboxForwarder.close();
        telemetry.close();
        log.close();
        state.close();
    }
}
