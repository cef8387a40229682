package org.opencentral.server.runtime;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.opencentral.api.ApiServer;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.DeviceTemplate;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.security.Bootstrap;
import org.opencentral.platform.security.Bootstrap.InitialCredentials;
import org.opencentral.platform.telemetry.LastValueProjection;
import org.opencentral.platform.telemetry.TelemetryIndexer;
import org.opencentral.platform.simulation.Simulator;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.retention.RetentionJob;
import org.opencentral.platform.retention.RetentionPolicy;
import org.opencentral.core.telemetry.TelemetryStore;
import java.time.Duration;
import java.util.List;
import org.opencentral.server.config.HostNames;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.tls.TlsMaterial;
import org.opencentral.server.tls.TlsMaterialLoader;
import org.opencentral.store.eventlog.GroupCommitLog;
import org.opencentral.transport.BoundPorts;
import org.opencentral.transport.MqttServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running OpenCentral node: the stores, the domain services, the log consumers and the
 * listeners, started in dependency order and closed in reverse (listeners first, so nothing new is
 * accepted while the log drains).
 */
public final class OpenCentralServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCentralServer.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ApplicationIdentity identity;
    private final TlsMaterial tls;
    private final Optional<InitialCredentials> initialCredentials;
    private final BoundPorts devicePorts;
    private final int httpPort;
    private final ApiServer api;
    private final TelemetryStore telemetry;
    private volatile boolean ready;

    private OpenCentralServer(ServerConfig config, Clock clock) {
        Path dataDir = config.dataDir();
        try {
            Files.createDirectories(dataDir);
            identity = ApplicationIdentity.loadOrCreate(dataDir);
            tls = new TlsMaterialLoader(clock, HostNames.machineHostName()).load(config.tls(), config.tlsDir(), config.publicHost());
            StateStore state = keep(Storage.openState(config.storage(), dataDir));
            GroupCommitLog log = keep(Storage.openEventLog(config.storage(), dataDir));
            telemetry = keep(Storage.openTelemetry(config.storage(), dataDir));
            state.devices().resetConnections();
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("opencentral-timer").daemon().factory());
            keep(timer::shutdownNow);
            Services services = Services.create(state, log, identity, clock, timer,
                    config.limits().messageSize());
            keep(services.commandHistory()).start();
            keep(services.outboxForwarder()).start();
            initialCredentials = new Bootstrap(services.security().users(), services.security().tokens())
                    .ensureAdministrator(config.admin().email(), config.admin().password());
            initialCredentials.ifPresent(credentials -> InitialCredentialsFile.write(dataDir, credentials));
            Maintenance.schedule(timer, services);
            TelemetryParses parses = new TelemetryParses();
            Templates templates = Templates.create(state, services.devices(), config.modelRepo(), clock,
                    parses);
            Provisioning provisioning = Provisioning.create(state, identity, config.publicHost(),
                    modelId -> templates.assignment().templateFor(modelId).map(DeviceTemplate::id), clock);
            Maintenance.every(timer, 1, java.util.concurrent.TimeUnit.MINUTES, "dps-operations",
                    provisioning.dps()::runOnce);
            keep(new ConsumerRunner(log, state.cursors(), new LastValueProjection(state.lastValues(), parses))).start();
            keep(new ConsumerRunner(log, state.cursors(), new TelemetryIndexer(telemetry, parses))).start();
            keep(new RetentionJob(new RetentionPolicy(config.storage().retention()), clock, List.of(log, telemetry)))
                    .start(Duration.ofHours(1));
            keep(new ConsumerRunner(log, state.cursors(), templates.conformance())).start();
            Simulator simulator = Simulation.start(this::keep, config.simulationInterval(), log, state, services,
                    templates, clock);
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            JvmMetrics.bind(metrics);
            EventLogMetrics.bind(metrics, log);
            Simulation.bind(metrics, simulator);
            MqttServer mqtt = keep(Listeners.mqtt(config, tls, services, provisioning,
                    new ConnectionRecorder(state.devices(), state.outbox(), clock, templates.assignment()), metrics));
            devicePorts = mqtt.start();
            Fleet fleet = keep(Fleet.create(config, state, services, templates, clock)).start();
            api = keep(Listeners.api(config, identity, services, state, log, clock, metrics, () -> ready,
                    provisioning, templates, telemetry, fleet));
            httpPort = api.start();
            ready = true;
            LOG.info("OpenCentral is up: http {} mqtts {} mqtt {} websocket {}", httpPort, devicePorts.mqtts(),
                    devicePorts.mqtt(), devicePorts.websocket());
        } catch (java.io.IOException e) {
            close();
            throw new java.io.UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Starts a node; fails (releasing whatever it had opened) if any part cannot start. */
    public static OpenCentralServer start(ServerConfig config, Clock clock) {
        return new OpenCentralServer(config, clock);
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.push(resource);
        return resource;
    }

    public ApplicationIdentity identity() {
        return identity;
    }

    public TlsMaterial tls() {
        return tls;
    }

    /** What the first start on an empty data directory created (empty on later starts). */
    public Optional<InitialCredentials> initialCredentials() {
        return initialCredentials;
    }

    public BoundPorts devicePorts() {
        return devicePorts;
    }

    public int httpPort() {
        return httpPort;
    }

    /** The endpoints the HTTP listener serves, as its router holds them (for tests of the route table). */
    public java.util.List<ApiServer.Endpoint> httpEndpoints() {
        return api.endpoints();
    }

    /** The telemetry history store (for tests and benchmarks that seed it directly). */
    public TelemetryStore telemetry() {
        return telemetry;
    }

    @Override
    public void close() {
        ready = false;
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("error while shutting down {}", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
