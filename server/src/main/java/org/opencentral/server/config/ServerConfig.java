package org.opencentral.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one OpenCentral server. Build it with {@link ConfigLoader} (CLI, file,
 * environment) or, in tests and embeddings, from {@link #defaults(String)} changed through
 * {@link #toBuilder()}.
 *
 * @param dataDir    directory for all state (databases, event log, {@code tls/}); absolute
 * @param http       the HTTP listener (REST API, UI, /metrics, /healthz)
 * @param mqtt       the device listeners (MQTT over TLS, plain MQTT on loopback, HTTPS/WebSockets)
 * @param tls        a configured certificate and key, or none (a local CA is generated)
 * @param publicHost the host name devices use to reach this server (certificate SAN, connection strings)
 * @param admin      the administrator created on first start
 * @param limits     protective limits on devices and connections
 * @param log        log format and level
 * @param modelRepo  a local folder of DTDL models laid out like the public model repository, from
 *                   which models that devices announce are imported as templates; none by default
 * @param storage   embedded storage in the data directory, or a PostgreSQL storage for the state
 * @param simulationInterval default time between two telemetry messages of a simulated device
 * @param query      the query API's limits (length, row caps, statement timeout)
 * @param smtp       the SMTP server rule email actions are sent through (none by default)
 * @param exports    how data export retries a refusing destination
 */
public record ServerConfig(
        Path dataDir,
        HttpConfig http,
        MqttConfig mqtt,
        TlsConfig tls,
        String publicHost,
        AdminConfig admin,
        LimitsConfig limits,
        LogConfig log,
        Optional<Path> modelRepo,
        StorageConfig storage,
        Duration simulationInterval,
        QueryConfig query,
        SmtpConfig smtp,
        ExportConfig exports) {

    /** The default {@link #simulationInterval()}: 10 seconds. */
    public static final Duration DEFAULT_SIMULATION_INTERVAL = Duration.ofSeconds(10);

    public ServerConfig {
        dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath().normalize();
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(publicHost, "publicHost");
        if (publicHost.isBlank()) {
            throw new IllegalArgumentException("publicHost must not be blank");
        }
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(log, "log");
        modelRepo = Objects.requireNonNull(modelRepo, "modelRepo").map(p -> p.toAbsolutePath().normalize());
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(simulationInterval, "simulationInterval");
        if (simulationInterval.toMillis() < 100) {
            throw new IllegalArgumentException("simulationInterval must be at least 100 ms");
        }
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(smtp, "smtp");
        Objects.requireNonNull(exports, "exports");
    }

    /** The defaults in code: {@code ./data}, the standard ports, this machine's host name. */
    public static ServerConfig defaults() {
        return defaults(HostNames.machineHostName());
    }

    /** The defaults in code, with {@code publicHost} set to the given machine host name. */
    public static ServerConfig defaults(String machineHostName) {
        return new ServerConfig(
                Path.of("data"),
                HttpConfig.defaults(),
                MqttConfig.defaults(),
                TlsConfig.generated(),
                machineHostName,
                AdminConfig.defaults(),
                LimitsConfig.defaults(),
                LogConfig.defaults(),
                Optional.empty(),
                StorageConfig.embedded(),
                DEFAULT_SIMULATION_INTERVAL,
                QueryConfig.defaults(),
                SmtpConfig.none(),
                ExportConfig.defaults());
    }

    /** A builder starting from this configuration, to change some of its parts. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some parts of a configuration; {@link #build()} validates the result as the constructor does. */
    public static final class Builder {
        private Path dataDir;
        private HttpConfig http;
        private MqttConfig mqtt;
        private TlsConfig tls;
        private String publicHost;
        private AdminConfig admin;
        private LimitsConfig limits;
        private LogConfig log;
        private Optional<Path> modelRepo;
        private StorageConfig storage;
        private Duration simulationInterval;
        private QueryConfig query;
        private SmtpConfig smtp;
        private ExportConfig exports;

        private Builder(ServerConfig from) {
            dataDir = from.dataDir;
            http = from.http;
            mqtt = from.mqtt;
            tls = from.tls;
            publicHost = from.publicHost;
            admin = from.admin;
            limits = from.limits;
            log = from.log;
            modelRepo = from.modelRepo;
            storage = from.storage;
            simulationInterval = from.simulationInterval;
            query = from.query;
            smtp = from.smtp;
            exports = from.exports;
        }

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder http(HttpConfig value) {
            http = value;
            return this;
        }

        public Builder mqtt(MqttConfig value) {
            mqtt = value;
            return this;
        }

        public Builder tls(TlsConfig value) {
            tls = value;
            return this;
        }

        public Builder publicHost(String value) {
            publicHost = value;
            return this;
        }

        public Builder admin(AdminConfig value) {
            admin = value;
            return this;
        }

        public Builder limits(LimitsConfig value) {
            limits = value;
            return this;
        }

        public Builder log(LogConfig value) {
            log = value;
            return this;
        }

        public Builder modelRepo(Optional<Path> value) {
            modelRepo = value;
            return this;
        }

        public Builder storage(StorageConfig value) {
            storage = value;
            return this;
        }

        public Builder simulationInterval(Duration value) {
            simulationInterval = value;
            return this;
        }

        public Builder query(QueryConfig value) {
            query = value;
            return this;
        }

        public Builder smtp(SmtpConfig value) {
            smtp = value;
            return this;
        }

        public Builder exports(ExportConfig value) {
            exports = value;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, limits, log, modelRepo, storage,
                    simulationInterval, query, smtp, exports);
        }
    }

    /** {@code <data-dir>/tls}: the generated CA and server certificate live here. */
    public Path tlsDir() {
        return dataDir.resolve("tls");
    }
}
