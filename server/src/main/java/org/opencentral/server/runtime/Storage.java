package org.opencentral.server.runtime;

import java.nio.file.Path;
import java.util.Optional;
import org.opencentral.core.secret.SecretKeyMismatchException;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.server.config.StorageConfig;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.eventlog.DuckDbLogSettings;
import org.opencentral.store.eventlog.GroupCommitLog;
import org.opencentral.store.eventlog.PostgresEventLog;
import org.opencentral.store.eventlog.TailLimits;
import org.opencentral.store.postgres.PostgresStateStore;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;
import org.opencentral.store.telemetry.PostgresTelemetryStore;

/**
 * Opens the stores the configuration names: embedded files in the data directory (SQLite for
 * state, DuckDB for the event log and the telemetry history), or one PostgreSQL database for all.
 */
final class Storage {
    static final String STATE_FILE = "state.db";
    static final String EVENT_LOG_FILE = "events.duckdb";
    static final String TELEMETRY_FILE = "telemetry.duckdb";

    private Storage() {
    }

    /**
     * Opens the state store with its secret key ({@link SecretKeyFile}); a key other than the one
     * the store's secrets were sealed with is a configuration error that names the key file.
     */
    static StateStore openState(StorageConfig database, Path dataDir) {
        AesGcmSecretCipher cipher = SecretKeyFile.load(database.secretKeyFile(), dataDir);
        try {
            return database.jdbcUrl()
                    .map(url -> PostgresStateStore.open(url, database.user(), database.password().orElse(""), cipher))
                    .orElseGet(() -> SqliteStateStore.open(dataDir.resolve(STATE_FILE), cipher));
        } catch (SecretKeyMismatchException e) {
            throw SecretKeyFile.invalid(SecretKeyFile.path(database.secretKeyFile(), dataDir), "is not the key "
                    + "this state store's device and enrollment keys were encrypted with; start with the original "
                    + "key file (every node of a PostgreSQL cluster needs the same one)");
        }
    }

    static GroupCommitLog openEventLog(StorageConfig database, Path dataDir) {
        return database.jdbcUrl()
                .<GroupCommitLog>map(url -> PostgresEventLog.open(url, database.user(), database.password().orElse(""),
                        TailLimits.DEFAULTS, database.commitCadence()))
                .orElseGet(() -> DuckDbEventLog.open(dataDir.resolve(EVENT_LOG_FILE), DuckDbLogSettings.DEFAULTS,
                        TailLimits.DEFAULTS, database.commitCadence()));
    }

    /** The telemetry store and, when embedded, how to back it up while it is open. */
    record Telemetry(TelemetryStore store, Optional<DuckDbTelemetryStore.Backup> backup) {
    }

    static Telemetry openTelemetry(StorageConfig database, Path dataDir) {
        return database.jdbcUrl()
                .map(url -> new Telemetry(PostgresTelemetryStore.open(url, database.user(),
                        database.password().orElse("")), Optional.empty()))
                .orElseGet(() -> {
                    DuckDbTelemetryStore.Opened opened = DuckDbTelemetryStore.openWithBackup(
                            dataDir.resolve(TELEMETRY_FILE));
                    return new Telemetry(opened.store(), Optional.of(opened.backup()));
                });
    }
}
