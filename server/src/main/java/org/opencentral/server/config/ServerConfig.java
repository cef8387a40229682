package org.opencentral.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one OpenCentral server. Build it with {@link ConfigLoader} (CLI, file,
 * environment) or, in tests and embeddings, from {@link #defaults(String)} and the {@code with…}
 * methods.
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
 * @param exports    how data export retries a refusing destination
 * @param query      the query API's limits (length, row caps, statement timeout)
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
        ExportConfig exports) {

    /** The default {@link #simulationInterval()}: 10 seconds. */
    public static final Duration DEFAULT_SIMULATION_INTERVAL = Duration.ofSeconds(10);

    /** A configuration with the default data export retries. */
    public ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, TlsConfig tls, String publicHost,
            AdminConfig admin, LimitsConfig limits, LogConfig log, Optional<Path> modelRepo, StorageConfig storage,
            Duration simulationInterval, QueryConfig query) {
        this(dataDir, http, mqtt, tls, publicHost, admin, limits, log, modelRepo, storage, simulationInterval, query,
                ExportConfig.defaults());
    }

    /** A configuration with the default query limits. */
    public ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, TlsConfig tls, String publicHost,
            AdminConfig admin, LimitsConfig limits, LogConfig log, Optional<Path> modelRepo, StorageConfig storage,
            Duration simulationInterval) {
        this(dataDir, http, mqtt, tls, publicHost, admin, limits, log, modelRepo, storage, simulationInterval,
                QueryConfig.defaults());
    }

    /** A configuration with the default simulation interval. */
    public ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, TlsConfig tls, String publicHost,
            AdminConfig admin, LimitsConfig limits, LogConfig log, Optional<Path> modelRepo, StorageConfig storage) {
        this(dataDir, http, mqtt, tls, publicHost, admin, limits, log, modelRepo, storage, DEFAULT_SIMULATION_INTERVAL);
    }

    /** A configuration without a model folder, on embedded storage. */
    public ServerConfig(Path dataDir, HttpConfig http, MqttConfig mqtt, TlsConfig tls, String publicHost,
            AdminConfig admin, LimitsConfig limits, LogConfig log) {
        this(dataDir, http, mqtt, tls, publicHost, admin, limits, log, Optional.empty(), StorageConfig.embedded());
    }

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
                LogConfig.defaults());
    }

    public ServerConfig withDataDir(Path value) {
        return new ServerConfig(value, http, mqtt, tls, publicHost, admin, limits, log,
                modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withHttp(HttpConfig value) {
        return new ServerConfig(dataDir, value, mqtt, tls, publicHost, admin, limits, log,
                modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withMqtt(MqttConfig value) {
        return new ServerConfig(dataDir, http, value, tls, publicHost, admin, limits, log,
                modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withTls(TlsConfig value) {
        return new ServerConfig(dataDir, http, mqtt, value, publicHost, admin, limits, log,
                modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withPublicHost(String value) {
        return new ServerConfig(dataDir, http, mqtt, tls, value, admin, limits, log,
                modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withAdmin(AdminConfig value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, value, limits, log,
                modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withLimits(LimitsConfig value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, value, log,
                modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withLog(LogConfig value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, limits,
                value, modelRepo, storage, simulationInterval, query, exports);
    }

    public ServerConfig withModelRepo(Optional<Path> value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, limits, log,
                value, storage, simulationInterval, query, exports);
    }

    public ServerConfig withStorage(StorageConfig value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, limits, log,
                modelRepo, value, simulationInterval, query, exports);
    }

    public ServerConfig withSimulationInterval(Duration value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, limits, log, modelRepo, storage, value,
                query, exports);
    }

    public ServerConfig withQuery(QueryConfig value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, limits, log, modelRepo, storage,
                simulationInterval, value, exports);
    }

    public ServerConfig withExports(ExportConfig value) {
        return new ServerConfig(dataDir, http, mqtt, tls, publicHost, admin, limits, log, modelRepo, storage,
                simulationInterval, query, value);
    }

    /** {@code <data-dir>/tls}: the generated CA and server certificate live here. */
    public Path tlsDir() {
        return dataDir.resolve("tls");
    }
}
