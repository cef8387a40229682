package org.opencentral.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.jdbc.Migrator;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * Writes a consistent copy of a running node's embedded data directory: the state store first
 * ({@code VACUUM INTO}), then the telemetry store and last the event log (each a DuckDB copy made in
 * one transaction), then {@code secret.key}, the application identity and the TLS material, and the
 * manifest last. In that order the copy is one a crash could have left (the telemetry index and the
 * log are at or after the consumers' cursors and the outbox in the state copy), which the server
 * recovers from on start as it does after {@code kill -9}. One backup at a time.
 */
public final class DataDirectoryBackup {
    /** Where the running node keeps the files that are copied as they are. */
    public record Sources(Path stateFile, Path secretKey, Path identity, Path tlsDir) {
    }

    public static final String STATE = "state.db";
    public static final String EVENT_LOG = "events.duckdb";
    public static final String TELEMETRY = "telemetry.duckdb";
    public static final String SECRET_KEY = "secret.key";
    public static final String IDENTITY = "application.properties";
    public static final String TLS = "tls";

    private final Sources files;
    private final DuckDbEventLog log;
    private final DuckDbTelemetryStore.Backup telemetry;
    private final Clock clock;

    public DataDirectoryBackup(Sources files, DuckDbEventLog log, DuckDbTelemetryStore.Backup telemetry, Clock clock) {
        this.files = files;
        this.log = log;
        this.telemetry = telemetry;
        this.clock = clock;
    }

    /** This binary's version, as the manifest records it. */
    static String version() {
        String version = DataDirectoryBackup.class.getPackage().getImplementationVersion();
        return "opencentral " + (version == null ? "(development build)" : version);
    }

    /** Writes the backup into {@code target} (created; it must not exist or be empty) and returns its manifest. */
    public synchronized BackupManifest writeTo(Path target, Consumer<String> progress) {
        prepare(target);
        Map<String, BackupManifest.FileEntry> entries = new LinkedHashMap<>();
        step(progress, entries, target, STATE, file -> SqliteStateStore.backup(files.stateFile(), file));
        step(progress, entries, target, TELEMETRY, telemetry::to);
        long[] position = new long[1];
        step(progress, entries, target, EVENT_LOG, file -> position[0] = log.backupTo(file));
        progress.accept("event log position " + position[0]);
        step(progress, entries, target, SECRET_KEY, file -> copy(files.secretKey(), file));
        step(progress, entries, target, IDENTITY, file -> copy(files.identity(), file));
        for (Path tlsFile : tlsFiles()) {
            String name = TLS + "/" + files.tlsDir().relativize(tlsFile);
            step(progress, entries, target, name, file -> copy(tlsFile, file));
        }
        BackupManifest manifest = new BackupManifest(BackupManifest.FORMAT, version(),
                Migrator.latestVersion(), position[0], clock.instant(), entries);
        try {
            Files.writeString(target.resolve(BackupManifest.NAME), manifest.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the manifest in " + target, e);
        }
        progress.accept("manifest written: backup complete in " + target);
        return manifest;
    }

    private static void prepare(Path target) {
        try {
            if (Files.isDirectory(target)) {
                try (Stream<Path> children = Files.list(target)) {
                    if (children.findAny().isPresent()) {
                        throw new IllegalArgumentException("the backup directory " + target + " is not empty");
                    }
                }
            } else {
                Files.createDirectories(target);
            }
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory " + target, e);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws IOException;
    }

    private void step(Consumer<String> progress, Map<String, BackupManifest.FileEntry> entries, Path target,
            String name, Writer writer) {
        long started = clock.millis();
        Path file = target.resolve(name);
        try {
            Files.createDirectories(file.getParent());
            writer.write(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        BackupManifest.FileEntry entry = BackupManifest.entryOf(file);
        entries.put(name, entry);
        progress.accept(String.format("%s: %,d bytes in %.1f s", name, entry.bytes(),
                (clock.millis() - started) / 1000.0));
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
    }

    private List<Path> tlsFiles() {
        if (!Files.isDirectory(files.tlsDir())) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(files.tlsDir())) {
            return all.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + files.tlsDir(), e);
        }
    }
}
