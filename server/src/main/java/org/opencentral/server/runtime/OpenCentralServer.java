package org.opencentral.server.runtime;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.ApiServer;
import org.opencentral.api.Operations;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.assembly.PlatformSettings;
import org.opencentral.platform.file.FileUploadSettings;
import org.opencentral.platform.retention.RetentionJob;
import org.opencentral.platform.retention.RetentionPolicy;
import org.opencentral.platform.security.Bootstrap;
import org.opencentral.platform.security.Bootstrap.InitialCredentials;
import org.opencentral.server.config.HostNames;
import org.opencentral.server.backup.ControlChannel;
import org.opencentral.server.backup.DataDirectoryBackup;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.mail.SmtpMailer;
import org.opencentral.platform.export.delivery.RetryPolicy;
import org.opencentral.platform.job.JobSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.opencentral.server.tls.TlsMaterial;
import org.opencentral.server.tls.TlsMaterialLoader;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.eventlog.GroupCommitLog;
import org.opencentral.store.export.PostgresExportTable;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;
import org.opencentral.transport.BoundPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running OpenCentral node, the composition root: the stores opened from the configuration,
 * the platform's services assembled over them ({@link Platform}), the server's own parts (TLS
 * material, the first administrator, retention, metrics) and the listeners; started in dependency
 * order (the HTTP server before the device listeners, whose HTTPS port tunnels web requests to it)
 * and closed in reverse (listeners first, so nothing new is accepted while the log drains).
 */
public final class OpenCentralServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OpenCentralServer.class);
    /** The directory under the data directory that {@code folder@v1} export destinations write into. */
    static final String EXPORT_FOLDERS = "exports";

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
            tls = new TlsMaterialLoader(clock, HostNames.machineHostName()).load(config.tls(), config.tlsDir(),
                    config.publicHost());
            StateStore state = keep(Storage.openState(config.storage(), dataDir));
            GroupCommitLog log = keep(Storage.openEventLog(config.storage(), dataDir));
            Storage.Telemetry opened = Storage.openTelemetry(config.storage(), dataDir);
            telemetry = keep(opened.store());
            state.devices().resetConnections();
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            Platform platform = keep(Platform.assemble(state, log, telemetry, clock,
                    settings(config, identity, metrics)));
            platform.start();
            initialCredentials = bootstrap(config, platform);
            keep(new RetentionJob(new RetentionPolicy(config.storage().retention()), clock, List.of(log, telemetry)))
                    .start(Duration.ofHours(1));
            bind(metrics, log, platform);
            api = keep(Listeners.api(config, identity.idScope(), platform,
                    new Operations(() -> ready, new NodeProblems(dataDir, log::writeProblem), metrics::scrape,
                            metrics)));
            httpPort = api.start();
            devicePorts = keep(Listeners.mqtt(config, tls, platform, metrics, api)).start();
            controlChannel(config, log, opened.backup(), clock).ifPresent(this::keep);
            ready = true;
            LOG.info("OpenCentral is up: http {} (on {}) https {} mqtts {} mqtt {}", httpPort,
                    config.http().bindAddress(), devicePorts.websocket(), devicePorts.mqtts(), devicePorts.mqtt());
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static PlatformSettings settings(ServerConfig config, ApplicationIdentity identity,
            MeterRegistry metrics) {
        RetryPolicy exportRetry = new RetryPolicy(RetryPolicy.DEFAULTS.first(), RetryPolicy.DEFAULTS.longest(),
                config.exports().retryFor(), config.exports().recheckInterval());
        return new PlatformSettings(identity.applicationId(), identity.idScope(), config.publicHost(),
                config.modelRepo(), config.limits().messageSize(), config.simulationInterval(),
                Listeners.querySettings(config.query()).limits(),
                config.smtp().enabled() ? Optional.of(new SmtpMailer(config.smtp())) : Optional.empty(),
                exportRetry, stats -> ExportMeters.bind(metrics, stats), PostgresExportTable::new, jobSettings(config),
                PlatformSettings.JobStepping.BACKGROUND, FileUploadSettings.in(config.dataDir().resolve("files")),
                Optional.of(config.dataDir().resolve(EXPORT_FOLDERS)));
    }

    /**
     * The local control socket through which {@code opencentral backup} asks for a backup; only with
     * embedded storage (a PostgreSQL database is backed up with PostgreSQL's tools).
     */
    private static Optional<ControlChannel> controlChannel(ServerConfig config, GroupCommitLog log,
            Optional<DuckDbTelemetryStore.Backup> telemetry, Clock clock) {
        if (!(log instanceof DuckDbEventLog embedded) || telemetry.isEmpty()) {
            return Optional.empty();
        }
        Path dataDir = config.dataDir();
        DataDirectoryBackup.Sources files = new DataDirectoryBackup.Sources(dataDir.resolve(Storage.STATE_FILE),
                SecretKeyFile.path(config.storage().secretKeyFile(), dataDir),
                dataDir.resolve(ApplicationIdentity.FILE), config.tlsDir());
        return Optional.of(ControlChannel.open(dataDir, new DataDirectoryBackup(files, embedded, telemetry.get(),
                clock)));
    }

    /** The job engine's settings: the configured number of running jobs over the other defaults. */
    private static JobSettings jobSettings(ServerConfig config) {
        JobSettings defaults = JobSettings.DEFAULTS;
        return new JobSettings(config.limits().maxRunningJobs(), defaults.devicesPerStep(),
                defaults.commandResponseTimeout());
    }

    /** The administrator, its token and the default dashboard on the first start of an empty data directory. */
    private static Optional<InitialCredentials> bootstrap(ServerConfig config, Platform platform) {
        Optional<InitialCredentials> created = new Bootstrap(platform.security().users(),
                platform.security().tokens()).ensureAdministrator(config.admin().email(), config.admin().password());
        created.ifPresent(credentials -> InitialCredentialsFile.write(config.dataDir(), credentials));
        created.ifPresent(credentials -> platform.dashboards().service().createDefault());
        return created;
    }

    private static void bind(MeterRegistry metrics, GroupCommitLog log, Platform platform) {
        JvmMetrics.bind(metrics);
        EventLogMetrics.bind(metrics, log);
        PlatformMetrics.bind(metrics, platform);
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
    public List<ApiServer.Endpoint> httpEndpoints() {
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
