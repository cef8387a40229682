package org.opencentral.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.store.eventlog.CommitCadence;

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
 * @param commitInterval the event log's commit cadence: no group commit starts sooner than this after
 *                      the previous one started ({@link CommitCadence}); 0 commits back to back
 */
public record StorageConfig(Optional<String> jdbcUrl, String user, Optional<String> password, Duration retention,
        Optional<Path> secretKeyFile, Duration commitInterval) {
    public static final String DEFAULT_USER = "opencentral";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_COMMIT_INTERVAL = CommitCadence.DEFAULTS.interval();

    public StorageConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(retention, "retention");
        secretKeyFile = Objects.requireNonNull(secretKeyFile, "secretKeyFile").map(p -> p.toAbsolutePath().normalize());
        if (retention.compareTo(Duration.ofDays(1)) < 0) {
            throw new IllegalArgumentException("retention must be at least one day");
        }
        CommitCadence.DEFAULTS.withInterval(commitInterval);
    }

    /** Embedded or PostgreSQL storage with the defaults for everything else. */
    public StorageConfig(Optional<String> jdbcUrl, String user, Optional<String> password, Duration retention,
            Optional<Path> secretKeyFile) {
        this(jdbcUrl, user, password, retention, secretKeyFile, DEFAULT_COMMIT_INTERVAL);
    }

    /** How the event log's writer paces its group commits. */
    public CommitCadence commitCadence() {
        return CommitCadence.DEFAULTS.withInterval(commitInterval);
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
        return new StorageConfig(jdbcUrl, user, password, retention, Optional.of(file), commitInterval);
    }

    @Override
    public String toString() {
        return "StorageConfig[" + jdbcUrl.orElse("embedded") + ", user=" + user + ", retention=" + retention
                + secretKeyFile.map(f -> ", secretKeyFile=" + f).orElse("") + ", commitInterval=" + commitInterval + "]";
    }
}
