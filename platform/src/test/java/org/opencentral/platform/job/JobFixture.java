package org.opencentral.platform.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.Job;
import org.opencentral.core.job.JobDevice;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.command.CommandHistory;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.group.GroupChanges;
import org.opencentral.platform.group.GroupFilters;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.organization.OrganizationService;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.session.DeviceSession;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TemplateDraft;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * The job services over a real SQLite state store with real device, twin, command, cloud-property
 * and group services; a fake clock, and devices' steps run on the engine's own thread so that one
 * {@code runOnce()} is one whole step. Connected devices answer every command with 200 and count
 * the calls they receive.
 */
final class JobFixture implements AutoCloseable {
    static final AccessScope EVERYWHERE = new AccessScope(true, Set.of());
    static final String TEMPLATE = "dtmi:test:Fan;1";
    static final String GROUP = "fans";

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final ManualClock clock = ManualClock.startingNow();
    final Path dir;
    final org.opencentral.core.secret.SecretCipher cipher = AesGcmSecretCipher.random();
    final Map<DeviceId, List<String>> calls = new ConcurrentHashMap<>();
    StateStore state;
    DeviceSessions sessions;
    DeviceRegistry devices;
    TwinService twins;
    CommandService commands;
    CommandHistory history;
    TemplateService templates;
    DeviceGroupService groups;
    JobService jobs;
    /** The job feature; its loop is not started: {@code engine.runOnce()} is one step. */
    Jobs engine;
    AuditLog audit;

    JobFixture(Path dir, JobSettings settings) {
        this.dir = dir;
        open(settings);
    }

    /** Opens (or reopens, as after a restart) the store and builds the services over it. */
    void open(JobSettings settings) {
        state = SqliteStateStore.open(dir.resolve("state.db"), cipher);
        sessions = new DeviceSessions(timer);
        devices = new DeviceRegistry(state.devices(), state.outbox(), sessions, new CommandHistory(state.commandHistory()), clock);
        twins = new TwinService(state.twins(), state.outbox(), sessions, clock);
        history = new CommandHistory(state.commandHistory());
        history.start();
        commands = new CommandService(sessions, history, clock, timer);
        templates = new TemplateService(state.templates(), Optional.empty(), state.outbox(), clock);
        OrganizationService organizations = new OrganizationService(state.organizations(), state.devices(),
                state.users(), state.apiTokens());
        groups = new DeviceGroupService(state.deviceGroups(), organizations, new GroupFilters(QueryLimits.DEFAULTS,
                new org.opencentral.platform.query.service.TemplateCatalog(templates)));
        audit = new AuditLog(state.auditLog(), state.outbox(), clock);
        engine = new Jobs(new Jobs.Stores(state.jobs(), state.scheduledJobs(), groups, audit),
                new JobSteps.Services(devices, twins, new CloudProperties(state.cloudProperties(), state.outbox(), clock),
                        commands, templates), settings, clock, Runnable::run);
        jobs = engine.service();
    }

    /** Closes everything but the data directory, as a crash would (nothing is drained). */
    void crash() {
        engine.close();
        history.close();
        state.close();
    }

    void restart(JobSettings settings) {
        crash();
        open(settings);
    }

    void publishTemplate() {
        templates.publish(TEMPLATE, new TemplateDraft(DeviceTemplate.DEFAULT_TYPES, Optional.empty(), Optional.empty(),
                Optional.of(Json.parseObject("{\"@id\":\"dtmi:test:FanModel;1\",\"@type\":\"Interface\","
                        + "\"@context\":\"dtmi:dtdl:context;2\",\"contents\":["
                        + "{\"@type\":\"Property\",\"name\":\"speed\",\"schema\":\"integer\",\"writable\":true},"
                        + "{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"site\",\"schema\":\"string\"},"
                        + "{\"@type\":\"Command\",\"name\":\"reboot\"}]}"))));
        groups.put(GROUP, new GroupChanges(Optional.of("Fans"),
                Optional.of("SELECT * FROM devices WHERE $template = \"" + TEMPLATE + "\""), Optional.empty(),
                Optional.of(List.of())), Optional.empty(), EVERYWHERE);
    }

    void devices(String... ids) {
        for (String id : ids) {
            devices.create(DeviceId.of(id), new DeviceChanges(Optional.of(id), Optional.of(TEMPLATE), Optional.of(true),
                    Optional.of(false)));
        }
    }

    /** Connects devices that answer every command with 200. */
    void connect(String... ids) {
        for (String id : ids) {
            sessions.register(new Answering(DeviceId.of(id)));
        }
    }

    Job create(String id, String json) {
        return jobs.create(id, Optional.empty(), org.opencentral.core.job.JobDefinitionJson.read(Json.parse(json), id),
                "apiToken:operator", EVERYWHERE, EVERYWHERE);
    }

    Job job(String id) {
        return state.jobs().find(id).orElseThrow();
    }

    List<JobDevice> outcomes(String id) {
        return new ArrayList<>(state.jobs().devices(id, Optional.empty(), Optional.empty(), 1000).items());
    }

    @Override
    public void close() {
        timer.shutdownNow();
        crash();
    }

    private final class Answering implements DeviceSession {
        private final DeviceId id;

        Answering(DeviceId id) {
            this.id = id;
        }

        @Override
        public DeviceId deviceId() {
            return id;
        }

        @Override
        public boolean isSubscribed(Subscription subscription) {
            return true;
        }

        @Override
        public void sendDesiredPatch(ObjectNode patch, long version) {
        }

        @Override
        public void sendMethodRequest(String methodName, String requestId, byte[] payload) {
            calls.computeIfAbsent(id, d -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(methodName);
            commands.onResponse(id, requestId, 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void sendCloudToDevice(org.opencentral.core.store.C2dMessage message) {
        }

        @Override
        public void close(String reason) {
        }
    }
}
