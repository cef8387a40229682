package org.opencentral.server.config;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The catalogue of configuration keys: one name each, used as {@code name = value} in the config
 * file, as {@code OPENCENTRAL_NAME} in the environment and as {@code --name} on the command line.
 * Help texts and the printed configuration are generated from here, so every key is documented.
 */
public enum ConfigKey {
    DATA_DIR("data-dir", "DIR", "Directory for all state: databases, event log, tls/ (the generated CA "
            + "and server certificate), initial-admin-token and secret.key. Relative to the current directory.",
            c -> c.dataDir().toString(), "./data"),
    HTTP_PORT("http-port", "N", "Plain HTTP port for the REST API (/api), the UI, /metrics and /healthz "
            + "(the same are served over TLS on the HTTPS port).",
            c -> Integer.toString(c.http().port())),
    HTTP_BIND_ADDRESS("http-bind-address", "IP", "IP address the plain HTTP listener binds: loopback "
            + "(127.0.0.1) by default, so that tokens and passwords cross the network only over TLS; "
            + "0.0.0.0 for all interfaces (clear text: only behind a TLS-terminating proxy).",
            c -> c.http().bindAddress()),
    MQTTS_PORT("mqtts-port", "N", "Port for MQTT 3.1.1 over TLS (the IoT Hub device endpoint).",
            c -> Integer.toString(c.mqtt().mqttsPort())),
    MQTT_PORT("mqtt-port", "N", "Port for plain MQTT, bound to loopback (127.0.0.1) only, for development; "
            + "0 disables it.",
            c -> Integer.toString(c.mqtt().plainPort().orElse(0))),
    HTTPS_PORT("https-port", "N", "Port of the TLS listener for the web UI and REST API, MQTT and AMQP over "
            + "WebSockets (/$iothub/websocket), DPS over HTTPS, the HTTPS device API and the embedded blob store; "
            + "0 disables it. The Azure SDKs' WebSocket and HTTPS transports use 443.",
            c -> Integer.toString(c.mqtt().httpsPort().orElse(0))),
    AMQPS_PORT("amqps-port", "N", "Port for AMQP 1.0 over TLS (the IoT Hub device endpoint the SDKs' AMQPS "
            + "transport uses: 5671); 0 disables it.",
            c -> Integer.toString(c.mqtt().amqpsPort().orElse(0))),
    DEVICE_BIND_ADDRESS("device-bind-address", "IP", "IP address the MQTTS, AMQPS and HTTPS device listeners bind; "
            + "0.0.0.0 for all interfaces.",
            c -> c.mqtt().bindAddress()),
    PUBLIC_HOST("public-host", "NAME", "Host name devices use to reach this server: put in the generated "
            + "server certificate and in connection strings.",
            ServerConfig::publicHost, "this machine's host name"),
    TLS_CERT("tls-cert", "FILE", "PEM certificate (server certificate first, then intermediates) to use "
            + "instead of the generated one; requires --tls-key.",
            c -> c.tls().configured().map(f -> f.certificate().toString()).orElse(""), "none: generated"),
    TLS_KEY("tls-key", "FILE", "PEM private key (unencrypted) of --tls-cert.",
            c -> c.tls().configured().map(f -> f.privateKey().toString()).orElse(""), "none: generated"),
    ADMIN_EMAIL("admin-email", "EMAIL", "E-mail (login) of the administrator created on first start.",
            c -> c.admin().email()),
    ADMIN_PASSWORD("admin-password", "PASSWORD", "Initial administrator password (at least 8 characters). "
            + "Environment or file only, never a flag.",
            c -> c.admin().password().orElse(""), "generated on first start and printed once"),
    MAX_MESSAGE_SIZE("max-message-size", "BYTES", "Largest device-to-cloud message accepted, in bytes: one "
            + "limit for MQTT (also over WebSockets), AMQP and HTTPS (IoT Hub: 262144). A larger message closes the "
            + "device's connection without an acknowledgement, as IoT Hub does.",
            c -> Integer.toString(c.limits().maxMessageBytes())),
    DEVICE_MESSAGE_RATE("device-message-rate", "N", "Messages per second a device may send, sustained; "
            + "above it the device is throttled as IoT Hub does.",
            c -> Integer.toString(c.limits().deviceMessagesPerSecond())),
    DEVICE_MESSAGE_BURST("device-message-burst", "N", "Messages a device may send at once above its rate "
            + "(at least the rate).",
            c -> Integer.toString(c.limits().deviceMessageBurst())),
    MAX_CONNECTIONS("max-connections", "N", "Concurrent device connections accepted, all listeners together.",
            c -> Integer.toString(c.limits().maxConnections())),
    API_RATE_LIMIT("api-rate-limit", "N", "REST requests per second each caller (API token or user) may make, "
            + "with bursts of twice that; over it the API answers 429 with Retry-After.",
            c -> Integer.toString(c.limits().apiRequestsPerSecond())),
    MAX_RUNNING_JOBS("max-running-jobs", "N", "Jobs that run at once; more wait in pending until one ends "
            + "(IoT Central: 5).",
            c -> Integer.toString(c.limits().maxRunningJobs())),
    QUERY_MAX_LENGTH("query-max-length", "CHARS", "Longest query text POST /api/query accepts "
            + "(IoT Central: 350).",
            c -> Integer.toString(c.query().maxLength())),
    QUERY_MAX_TELEMETRY_ROWS("query-max-telemetry-rows", "N", "Most rows a telemetry query returns: the cap on "
            + "TOP and the limit without it (IoT Central: 10,000).",
            c -> Integer.toString(c.query().maxTelemetryRows())),
    QUERY_MAX_PROPERTY_ROWS("query-max-property-rows", "N", "Most rows a property query returns "
            + "(IoT Central: 1,000).",
            c -> Integer.toString(c.query().maxPropertyRows())),
    QUERY_TIMEOUT("query-timeout", "MILLISECONDS", "How long one query statement may run; then the database "
            + "statement is cancelled and the query answers 504 GatewayTimeout.",
            c -> Long.toString(c.query().timeout().toMillis())),
    EXPORT_RETRY_FOR("export-retry-for", "SECONDS", "How long data export retries a destination that refuses "
            + "(with backoff) before it shows the destination in error (IoT Central: 15 minutes).",
            c -> Long.toString(c.exports().retryFor().toSeconds())),
    EXPORT_RECHECK_INTERVAL("export-recheck-interval", "SECONDS", "How often data export tries a destination in "
            + "error again; it catches up from its cursor once the destination accepts.",
            c -> Long.toString(c.exports().recheckInterval().toSeconds())),
    MODEL_REPO("model-repo", "DIR", "Folder of DTDL models laid out like the public model repository "
            + "(dtmi/com/example/thermostat-1.json); a model a device announces is imported from here as a "
            + "device template when none is published.",
            c -> c.modelRepo().map(Object::toString).orElse(""), "none"),
    DATABASE_URL("database-url", "JDBC-URL", "PostgreSQL database for the platform's state, event log and telemetry "
            + "(jdbc:postgresql://host:5432/opencentral); empty keeps them embedded (SQLite, DuckDB) in the data directory.",
            c -> c.storage().jdbcUrl().orElse(""), "none: embedded"),
    DATABASE_USER("database-user", "USER", "User for --database-url.",
            c -> c.storage().user()),
    DATABASE_PASSWORD("database-password", "PASSWORD", "Password for --database-url. Environment or file only, "
            + "never a flag.",
            c -> c.storage().password().orElse(""), "none"),
    SECRET_KEY_FILE("secret-key-file", "FILE", "Key (32 bytes, raw or base64) that encrypts device and "
            + "enrollment-group keys in the state store. Without it, <data-dir>/secret.key is used, created on "
            + "first start (mode 0600). Every node sharing a --database-url needs the same key.",
            c -> c.storage().secretKeyFile().map(Object::toString).orElse(""), "<data-dir>/secret.key"),
    RETENTION_DAYS("retention-days", "DAYS", "How many days telemetry history and the event log are kept.",
            c -> Long.toString(c.storage().retention().toDays())),
    EVENT_LOG_COMMIT_INTERVAL("event-log-commit-interval", "MILLISECONDS", "Least time between the starts of "
            + "two group commits of the event log (0 to 1000; 0: back to back). A message is acknowledged after "
            + "the commit that holds it, so this adds at most as much to an acknowledgement, and bounds the CPU "
            + "the commits' fixed cost takes; a commit of 1,000 or more waiting events never waits.",
            c -> Long.toString(c.storage().commitInterval().toMillis())),
    SIMULATION_INTERVAL("simulation-interval", "SECONDS", "Seconds between two telemetry messages of a "
            + "simulated device (a device created with simulated: true is driven by the server).",
            c -> Long.toString(c.simulationInterval().toSeconds())),
    SMTP_HOST("smtp-host", "HOST", "SMTP server that rule email actions are sent through; empty: no email "
            + "(rules with email actions are refused).",
            c -> c.smtp().host().orElse(""), "none"),
    SMTP_PORT("smtp-port", "N", "Port of --smtp-host.",
            c -> Integer.toString(c.smtp().port())),
    SMTP_SECURITY("smtp-security", "starttls|tls|none", "starttls: upgrade the connection (required); "
            + "tls: TLS from the start; none: plain (only for a local relay).",
            c -> c.smtp().security().key()),
    SMTP_USER("smtp-user", "USER", "Login at --smtp-host, if it wants one.",
            c -> c.smtp().user().orElse(""), "none"),
    SMTP_PASSWORD("smtp-password", "PASSWORD", "Password of --smtp-user. Environment or file only, never a flag.",
            c -> c.smtp().password().orElse(""), "none"),
    SMTP_FROM("smtp-from", "EMAIL", "Sender address of rule emails.",
            c -> c.smtp().from()),
    LOG_FORMAT("log-format", "text|json", "Log format: text (one concise line per event) or json "
            + "(one JSON object per line).",
            c -> c.log().format().key()),
    LOG_LEVEL("log-level", "LEVEL", "Level of OpenCentral's own loggers: trace, debug, info, warn or error. "
            + "Third-party libraries log at warn.",
            c -> c.log().level().key());

    private static final String ENV_PREFIX = "OPENCENTRAL_";

    private final String key;
    private final String paramLabel;
    private final String description;
    private final Function<ServerConfig, String> render;
    private final Optional<String> defaultDescription;

    ConfigKey(String key, String paramLabel, String description, Function<ServerConfig, String> render) {
        this(key, paramLabel, description, render, null);
    }

    ConfigKey(String key, String paramLabel, String description, Function<ServerConfig, String> render,
              String defaultDescription) {
        this.key = key;
        this.paramLabel = paramLabel;
        this.description = description;
        this.render = render;
        this.defaultDescription = Optional.ofNullable(defaultDescription);
    }

    /** The name in config files, e.g. {@code http-port}. */
    public String key() {
        return key;
    }

    /** The environment variable, e.g. {@code OPENCENTRAL_HTTP_PORT}. */
    public String envName() {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The command-line flag, e.g. {@code --http-port}; empty for secrets (visible in process lists). */
    public Optional<String> flag() {
        return secret() ? Optional.empty() : Optional.of("--" + key);
    }

    public String paramLabel() {
        return paramLabel;
    }

    public String description() {
        return description;
    }

    /** Secrets are masked when printed and cannot be given as flags. */
    public boolean secret() {
        return this == ADMIN_PASSWORD || this == DATABASE_PASSWORD || this == SMTP_PASSWORD;
    }

    /** The value of this key in a configuration, as it would be written in a config file. */
    public String render(ServerConfig config) {
        return render.apply(config);
    }

    /** The default for help texts: a description where the code default depends on the machine. */
    public String describeDefault(ServerConfig defaults) {
        return defaultDescription.orElseGet(() -> render(defaults));
    }

    public static Optional<ConfigKey> byKey(String key) {
        for (ConfigKey candidate : values()) {
            if (candidate.key.equals(key)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
