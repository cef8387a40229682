package org.opencentral.server.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.opencentral.store.jdbc.Migrator;

/**
 * {@code opencentral restore}: checks a backup against its manifest (every file there, of its size
 * and SHA-256; a schema this binary knows) and copies it into an empty data directory. Nothing is
 * written to the data directory until the whole backup checked out.
 */
public final class DataDirectoryRestore {
    private DataDirectoryRestore() {
    }

    /** Restores {@code backup} into {@code dataDir}; a refusal is an {@link IllegalArgumentException} saying why. */
    public static BackupManifest restore(Path backup, Path dataDir, Consumer<String> progress) {
        BackupManifest manifest = BackupManifest.read(backup);
        if (manifest.stateSchemaVersion() > Migrator.latestVersion()) {
            throw new IllegalArgumentException("the backup was written by " + manifest.writtenBy()
                    + " with state schema version " + manifest.stateSchemaVersion() + ", newer than this binary's "
                    + Migrator.latestVersion() + ": restore it with that version or a newer one");
        }
        requireEmpty(dataDir);
        for (Map.Entry<String, BackupManifest.FileEntry> file : manifest.files().entrySet()) {
            Path source = resolveInside(backup, file.getKey());
            if (!Files.isRegularFile(source)) {
                throw new IllegalArgumentException("the backup is incomplete: " + source + " is missing");
            }
            if (!BackupManifest.entryOf(source).equals(file.getValue())) {
                throw new IllegalArgumentException("the backup is damaged: " + source
                        + " differs from its manifest (size or SHA-256)");
            }
        }
        progress.accept("checked " + manifest.files().size() + " files against the manifest (written by "
                + manifest.writtenBy() + " at " + manifest.createdAt() + ", event log position "
                + manifest.eventLogPosition() + ")");
        try {
            Files.createDirectories(dataDir);
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
            for (String name : manifest.files().keySet().stream().sorted().toList()) {
                Path target = resolveInside(dataDir, name);
                Files.createDirectories(target.getParent());
                Files.copy(resolveInside(backup, name), target);
                progress.accept(String.format("%s: %,d bytes", name, manifest.files().get(name).bytes()));
            }
            Files.setPosixFilePermissions(dataDir.resolve(DataDirectoryBackup.SECRET_KEY),
                    PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data directory " + dataDir, e);
        }
        progress.accept("restored into " + dataDir + "; start the server on it");
        return manifest;
    }

    private static void requireEmpty(Path dataDir) {
        if (!Files.exists(dataDir)) {
            return;
        }
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException(dataDir + " is not a directory");
        }
        try (Stream<Path> children = Files.list(dataDir)) {
            if (children.findAny().isPresent()) {
                throw new IllegalArgumentException("the data directory " + dataDir + " is not empty: restore "
                        + "only into a new or empty directory (nothing was changed)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dataDir, e);
        }
    }

    /** {@code name} from a manifest, refused if it would lead outside {@code root}. */
    private static Path resolveInside(Path root, String name) {
        Path resolved = root.resolve(name).normalize();
        if (!resolved.startsWith(root.normalize()) || resolved.equals(root.normalize())) {
            throw new IllegalArgumentException("the backup manifest names a file outside the backup: " + name);
        }
        return resolved;
    }
}
