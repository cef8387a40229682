package org.opencentral.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.opencentral.core.Json;

/**
 * What a backup holds ({@code manifest.json}, written last: a directory without it is no backup):
 * the version that wrote it, the state store's schema version, the event log's position (the
 * sequence of the last event in the copy: every message acknowledged before the backup began is at
 * or before it) and each file, relative to the backup, with its size and SHA-256.
 */
public record BackupManifest(int format, String writtenBy, int stateSchemaVersion, long eventLogPosition,
        Instant createdAt, Map<String, FileEntry> files) {
    public static final String NAME = "manifest.json";
    public static final int FORMAT = 1;

    /** One file of the backup. */
    public record FileEntry(long bytes, String sha256) {
        public FileEntry {
            if (bytes < 0) {
                throw new IllegalArgumentException("a file size cannot be negative");
            }
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public BackupManifest {
        Objects.requireNonNull(writtenBy, "writtenBy");
        Objects.requireNonNull(createdAt, "createdAt");
        files = Map.copyOf(files);
        if (eventLogPosition < 0) {
            throw new IllegalArgumentException("the event log position cannot be negative");
        }
    }

    /** The entry of {@code file}, a file under {@code root}. */
    static FileEntry entryOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
            return new FileEntry(bytes, HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String toJson() {
        ObjectNode json = Json.object().put("format", format).put("writtenBy", writtenBy)
                .put("stateSchemaVersion", stateSchemaVersion).put("eventLogPosition", eventLogPosition)
                .put("createdAt", createdAt.toString());
        ObjectNode list = json.putObject("files");
        files.keySet().stream().sorted().forEach(name -> list.putObject(name)
                .put("bytes", files.get(name).bytes()).put("sha256", files.get(name).sha256()));
        return json.toString();
    }

    /** Reads {@code manifest.json} of {@code backup}; a missing or malformed one is an {@link IllegalArgumentException}. */
    static BackupManifest read(Path backup) {
        Path file = backup.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(backup + " is not a complete OpenCentral backup: it has no " + NAME);
        }
        try {
            JsonNode json = Json.parse(Files.readString(file));
            if (json.path("format").asInt() != FORMAT) {
                throw new IllegalArgumentException(file + ": unknown backup format " + json.path("format")
                        + " (this version reads format " + FORMAT + ")");
            }
            Map<String, FileEntry> files = new LinkedHashMap<>();
            json.path("files").properties().forEach(entry -> files.put(entry.getKey(),
                    new FileEntry(entry.getValue().path("bytes").asLong(-1), entry.getValue().path("sha256").asText())));
            return new BackupManifest(FORMAT, json.path("writtenBy").asText(), json.path("stateSchemaVersion").asInt(),
                    json.path("eventLogPosition").asLong(), Instant.parse(json.path("createdAt").asText()), files);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw e instanceof IllegalArgumentException ? e
                    : new IllegalArgumentException(file + " is not a valid backup manifest: " + e.getMessage(), e);
        }
    }
}
