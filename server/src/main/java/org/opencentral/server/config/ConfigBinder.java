package org.opencentral.server.config;

import static org.opencentral.server.config.ConfigKey.*;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.opencentral.platform.ingest.MessageSizeLimit;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns raw settings into a {@link ServerConfig}. A value that does not parse is recorded as an
 * error and replaced by its default, so that binding always completes and every error is found.
 */
final class ConfigBinder {
    private final ServerConfig defaults;
    private final Map<ConfigKey, Setting> settings;
    private final List<ConfigError> errors = new ArrayList<>();
    private final Set<ConfigKey> failed = EnumSet.noneOf(ConfigKey.class);

    ConfigBinder(ServerConfig defaults, Map<ConfigKey, Setting> settings) {
        this.defaults = defaults;
        this.settings = settings;
    }

    ServerConfig bind() {
        return new ServerConfig(
                parse(DATA_DIR, ConfigBinder::path, defaults.dataDir()),
                new HttpConfig(parse(HTTP_BIND_ADDRESS, Function.identity(), defaults.http().bindAddress()),
                        port(HTTP_PORT, defaults.http().port())),
                new MqttConfig(parse(DEVICE_BIND_ADDRESS, Function.identity(), defaults.mqtt().bindAddress()),
                        port(MQTTS_PORT, defaults.mqtt().mqttsPort()),
                        portOrDisabled(MQTT_PORT, defaults.mqtt().plainPort()),
                        portOrDisabled(HTTPS_PORT, defaults.mqtt().httpsPort()),
                        portOrDisabled(AMQPS_PORT, defaults.mqtt().amqpsPort())),
                tls(),
                parse(PUBLIC_HOST, Function.identity(), defaults.publicHost()),
                new AdminConfig(parse(ADMIN_EMAIL, Function.identity(), defaults.admin().email()),
                        raw(ADMIN_PASSWORD).map(Setting::value).or(() -> defaults.admin().password())),
                new LimitsConfig(
                        intIn(MAX_MESSAGE_SIZE, MessageSizeLimit.MIN_BYTES, MessageSizeLimit.MAX_BYTES,
                                defaults.limits().maxMessageBytes()),
                        intIn(DEVICE_MESSAGE_RATE, 1, 1_000_000, defaults.limits().deviceMessagesPerSecond()),
                        intIn(DEVICE_MESSAGE_BURST, 1, 1_000_000, defaults.limits().deviceMessageBurst()),
                        intIn(MAX_CONNECTIONS, 1, 10_000_000, defaults.limits().maxConnections()),
                        intIn(API_RATE_LIMIT, 1, 1_000_000, defaults.limits().apiRequestsPerSecond()),
                        intIn(MAX_RUNNING_JOBS, 1, 1_000, defaults.limits().maxRunningJobs())),
                new LogConfig(parse(LOG_FORMAT, v -> parseEnum(LogConfig.Format.class, v), defaults.log().format()),
                        parse(LOG_LEVEL, v -> parseEnum(LogConfig.Level.class, v), defaults.log().level())),
                raw(MODEL_REPO).isPresent() ? Optional.ofNullable(parse(MODEL_REPO, ConfigBinder::path, null))
                        : defaults.modelRepo(),
                database(),
                java.time.Duration.ofSeconds(intIn(SIMULATION_INTERVAL, 1, 86_400,
                        (int) defaults.simulationInterval().toSeconds())),
                query(),
                smtp(),
                new ExportConfig(
                        java.time.Duration.ofSeconds(intIn(EXPORT_RETRY_FOR, 1, 604_800,
                                (int) defaults.exports().retryFor().toSeconds())),
                        java.time.Duration.ofSeconds(intIn(EXPORT_RECHECK_INTERVAL, 1, 86_400,
                                (int) defaults.exports().recheckInterval().toSeconds()))));
    }

    private SmtpConfig smtp() {
        SmtpConfig d = defaults.smtp();
        String from = parse(SMTP_FROM, Function.identity(), d.from());
        if (from.indexOf('@') < 1) {
            fail(SMTP_FROM, "must be an email address");
            from = d.from();
        }
        return new SmtpConfig(raw(SMTP_HOST).map(Setting::value).filter(h -> !h.isBlank()).or(d::host),
                port(SMTP_PORT, d.port()),
                parse(SMTP_SECURITY, v -> parseEnum(SmtpConfig.Security.class, v), d.security()),
                raw(SMTP_USER).map(Setting::value).filter(u -> !u.isBlank()).or(d::user),
                raw(SMTP_PASSWORD).map(Setting::value).or(d::password), from);
    }

    private QueryConfig query() {
        return new QueryConfig(
                intIn(QUERY_MAX_LENGTH, 1, 1_000_000, defaults.query().maxLength()),
                intIn(QUERY_MAX_TELEMETRY_ROWS, 1, 10_000_000, defaults.query().maxTelemetryRows()),
                intIn(QUERY_MAX_PROPERTY_ROWS, 1, 10_000_000, defaults.query().maxPropertyRows()),
                java.time.Duration.ofMillis(intIn(QUERY_TIMEOUT, 1, 3_600_000,
                        (int) defaults.query().timeout().toMillis())));
    }

    private StorageConfig database() {
        return new StorageConfig(
                raw(DATABASE_URL).map(Setting::value).or(() -> defaults.storage().jdbcUrl()),
                parse(DATABASE_USER, Function.identity(), defaults.storage().user()),
                raw(DATABASE_PASSWORD).map(Setting::value).or(() -> defaults.storage().password()),
                java.time.Duration.ofDays(intIn(RETENTION_DAYS, 1, 36_500,
                        (int) defaults.storage().retention().toDays())),
                raw(SECRET_KEY_FILE).isPresent() ? Optional.ofNullable(parse(SECRET_KEY_FILE, ConfigBinder::path, null))
                        : defaults.storage().secretKeyFile(),
                java.time.Duration.ofMillis(intIn(EVENT_LOG_COMMIT_INTERVAL, 0, 1_000,
                        (int) defaults.storage().commitInterval().toMillis())));
    }

    List<ConfigError> errors() {
        return List.copyOf(errors);
    }

    /** Keys whose value did not parse (and were replaced by their default). */
    Set<ConfigKey> failedKeys() {
        return Set.copyOf(failed);
    }

    private Optional<Setting> raw(ConfigKey key) {
        return Optional.ofNullable(settings.get(key));
    }

    private <T> T parse(ConfigKey key, Function<String, T> parser, T fallback) {
        Optional<Setting> setting = raw(key);
        if (setting.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(setting.get().value().strip());
        } catch (IllegalArgumentException e) {
            fail(key, key.key() + ": " + setting.get().describe() + " " + e.getMessage());
            return fallback;
        }
    }

    private int port(ConfigKey key, int fallback) {
        return intIn(key, 0, Ports.MAX, fallback);
    }

    /** "0" disables the listener. */
    private OptionalInt portOrDisabled(ConfigKey key, OptionalInt fallback) {
        int value = intIn(key, 0, Ports.MAX, fallback.orElse(0));
        return value == 0 ? OptionalInt.empty() : OptionalInt.of(value);
    }

    private int intIn(ConfigKey key, int min, int max, int fallback) {
        return parse(key, text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("is not a whole number");
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("is out of range " + min + ".." + max);
            }
            return value;
        }, fallback);
    }

    private TlsConfig tls() {
        Optional<Path> cert = raw(TLS_CERT).isPresent()
                ? Optional.ofNullable(parse(TLS_CERT, ConfigBinder::path, null)) : Optional.empty();
        Optional<Path> key = raw(TLS_KEY).isPresent()
                ? Optional.ofNullable(parse(TLS_KEY, ConfigBinder::path, null)) : Optional.empty();
        if (cert.isPresent() && key.isPresent()) {
            return TlsConfig.of(cert.get(), key.get());
        }
        if (cert.isPresent() != key.isPresent()) {
            errors.add(new ConfigError(Set.of(TLS_CERT, TLS_KEY),
                    "tls-cert and tls-key must be set together (only " + (cert.isPresent() ? "tls-cert" : "tls-key")
                            + " is set)"));
        }
        return defaults.tls();
    }

    private void fail(ConfigKey key, String message) {
        failed.add(key);
        errors.add(ConfigError.of(key, message));
    }

    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a valid path");
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException("is not one of " + String.join(", ", names));
        }
    }
}
