package org.opencentral.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the platform keeps its data and for how long: embedded files in the data directory
 * (SQLite, DuckDB) when {@code jdbcUrl} is empty, else the PostgreSQL database it names.
 *
 * @param jdbcUrl       {@code jdbc:postgresql://host:port/database}, or empty for embedded storage
 * @param user          the database user
 * @param password      the database password (environment or config file only)
 * @param retention     how long telemetry and the event log are kept
 * @param secretKeyFile the key that encrypts device and enrollment keys in the state store; empty:
 *                      {@code <data-dir>/secret.key}, created on first start
 */
public record StorageConfig(Optional<String> jdbcUrl, String user, Optional<String> password, Duration retention,
        Optional<Path> secretKeyFile) {
    public static final String DEFAULT_USER = "opencentral";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    public StorageConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(retention, "retention");
        secretKeyFile = Objects.requireNonNull(secretKeyFile, "secretKeyFile").map(p -> p.toAbsolutePath().normalize());
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least one day");
        }
    }

    public static StorageConfig embedded() {
        return new StorageConfig(Optional.empty(), DEFAULT_USER, Optional.empty(), DEFAULT_RETENTION, Optional.empty());
    }

    /** The same storage on PostgreSQL. */
    public static StorageConfig postgres(String jdbcUrl, String user, String password) {
        return new StorageConfig(Optional.of(jdbcUrl), user, Optional.of(password), DEFAULT_RETENTION,
                Optional.empty());
    }

    /** The same storage with its secrets sealed by the key in {@code file}. */
    public StorageConfig withSecretKeyFile(Path file) {
        return new StorageConfig(jdbcUrl, user, password, retention, Optional.of(file));
    }

    @Override
    public String toString() {
        return "StorageConfig[" + jdbcUrl.orElse("embedded") + ", user=" + user + ", retention=" + retention
                + secretKeyFile.map(f -> ", secretKeyFile=" + f).orElse("") + "]";
    }
}
