package org.opencentral.server.config;

import static org.opencentral.server.config.ConfigKey.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Semantic checks over a whole {@link ServerConfig}: every problem is returned, none is thrown.
 * The record constructors already guarantee ranges; this class checks what spans fields or needs
 * the file system.
 */
public final class ConfigValidator {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int MIN_PASSWORD_LENGTH = 8;

    private ConfigValidator() {
    }

    public static List<ConfigError> validate(ServerConfig config) {
        List<ConfigError> errors = new ArrayList<>();
        checkDistinctPorts(config, errors);
        checkDataDir(config.dataDir(), errors);
        config.tls().configured().ifPresent(files -> {
            checkReadableFile(TLS_CERT, files.certificate(), errors);
            checkReadableFile(TLS_KEY, files.privateKey(), errors);
        });
        config.storage().secretKeyFile().ifPresent(file -> checkReadableFile(SECRET_KEY_FILE, file, errors));
        checkHost(config.publicHost(), errors);
        config.modelRepo().filter(dir -> !Files.isDirectory(dir)).ifPresent(dir -> errors.add(
                ConfigError.of(MODEL_REPO, "model-repo: " + dir + " is not a directory")));
        checkBindAddress(HTTP_BIND_ADDRESS, config.http().bindAddress(), errors);
        checkBindAddress(DEVICE_BIND_ADDRESS, config.mqtt().bindAddress(), errors);
        checkAdmin(config.admin(), errors);
        config.storage().jdbcUrl().filter(url -> !url.startsWith("jdbc:postgresql://")).ifPresent(url -> errors.add(
                ConfigError.of(DATABASE_URL, "database-url: must be a PostgreSQL JDBC URL (jdbc:postgresql://host/db)")));
        if (config.limits().deviceMessageBurst() < config.limits().deviceMessagesPerSecond()) {
            errors.add(new ConfigError(Set.of(DEVICE_MESSAGE_BURST, DEVICE_MESSAGE_RATE),
                    "device-message-burst (" + config.limits().deviceMessageBurst()
                            + ") must be at least device-message-rate (" + config.limits().deviceMessagesPerSecond() + ")"));
        }
        return List.copyOf(errors);
    }

    private static void checkDistinctPorts(ServerConfig config, List<ConfigError> errors) {
        Map<ConfigKey, Integer> ports = new LinkedHashMap<>();
        ports.put(HTTP_PORT, config.http().port());
        ports.put(MQTTS_PORT, config.mqtt().mqttsPort());
        config.mqtt().plainPort().ifPresent(p -> ports.put(MQTT_PORT, p));
        config.mqtt().httpsPort().ifPresent(p -> ports.put(HTTPS_PORT, p));
        config.mqtt().amqpsPort().ifPresent(p -> ports.put(AMQPS_PORT, p));
        List<ConfigKey> keys = List.copyOf(ports.keySet());
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < keys.size(); j++) {
                int port = ports.get(keys.get(i));
                if (port != 0 && port == ports.get(keys.get(j))) {
                    errors.add(new ConfigError(Set.of(keys.get(i), keys.get(j)), keys.get(i).key() + " and "
                            + keys.get(j).key() + " both use port " + port + "; each listener needs its own port"));
                }
            }
        }
    }

    private static void checkDataDir(Path dir, List<ConfigError> errors) {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                errors.add(ConfigError.of(DATA_DIR, "data-dir: " + dir + " exists and is not a directory"));
            } else if (!Files.isWritable(dir)) {
                errors.add(ConfigError.of(DATA_DIR, "data-dir: " + dir + " is not writable"));
            }
            return;
        }
        Path ancestor = dir.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            errors.add(ConfigError.of(DATA_DIR, "data-dir: " + dir + " does not exist and cannot be created"
                    + (ancestor == null ? "" : " (" + ancestor + " is not a writable directory)")));
        }
    }

    private static void checkReadableFile(ConfigKey key, Path file, List<ConfigError> errors) {
        if (!Files.isRegularFile(file)) {
            errors.add(ConfigError.of(key, key.key() + ": " + file + " does not exist or is not a file"));
        } else if (!Files.isReadable(file)) {
            errors.add(ConfigError.of(key, key.key() + ": " + file + " is not readable"));
        }
    }

    private static void checkHost(String host, List<ConfigError> errors) {
        if (!HostNames.isValidHost(host)) {
            errors.add(ConfigError.of(PUBLIC_HOST, "public-host: '" + host + "' is not a valid host name or IP address"));
        }
    }

    private static void checkBindAddress(ConfigKey key, String address, List<ConfigError> errors) {
        if (HostNames.ipLiteral(address).isEmpty()) {
            errors.add(ConfigError.of(key, key.key() + ": '" + address
                    + "' is not an IP address (use 0.0.0.0 for all interfaces, 127.0.0.1 for loopback)"));
        }
    }

    private static void checkAdmin(AdminConfig admin, List<ConfigError> errors) {
        if (!EMAIL.matcher(admin.email()).matches()) {
            errors.add(ConfigError.of(ADMIN_EMAIL, "admin-email: '" + admin.email() + "' is not an e-mail address"));
        }
        admin.password().filter(p -> p.length() < MIN_PASSWORD_LENGTH).ifPresent(p -> errors.add(ConfigError.of(
                ADMIN_PASSWORD, "admin-password: must have at least " + MIN_PASSWORD_LENGTH + " characters")));
    }
}
