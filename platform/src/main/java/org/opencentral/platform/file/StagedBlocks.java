package org.opencentral.platform.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.opencentral.core.device.DeviceId;

/**
 * The uncommitted blocks of one upload in the embedded store (Put Block): a folder
 * {@code blocks/{hex of the device id}/{correlation id}/} with one file per block, named by the hex of
 * its id (the base64 text the client sent, so any id is a safe file name).
 */
final class StagedBlocks {
    /** Azure's limit: a block id is at most 64 bytes before base64 encoding. */
    static final int MAX_ID_BYTES = 64;

    private final Path folder;

    StagedBlocks(Path folder) {
        this.folder = folder;
    }

    /** The folder name of a device's staged blocks. */
    static String deviceFolder(DeviceId device) {
        return HexFormat.of().formatHex(device.value().getBytes(StandardCharsets.UTF_8));
    }

    /** What is wrong with a block id (decoded from the query), if anything. */
    static Optional<String> idProblem(String blockId) {
        try {
            int bytes = Base64.getDecoder().decode(blockId).length;
            if (bytes == 0 || bytes > MAX_ID_BYTES) {
                return Optional.of("blockid must be 1 to " + MAX_ID_BYTES + " bytes, base64-encoded");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("blockid is not base64");
        }
    }

    /** Every upload's staged blocks under {@code blocksFolder}. */
    static List<StagedBlocks> all(Path blocksFolder) {
        List<StagedBlocks> all = new ArrayList<>();
        if (!Files.isDirectory(blocksFolder)) {
            return all;
        }
        try (Stream<Path> devices = Files.list(blocksFolder)) {
            for (Path device : devices.toList()) {
                try (Stream<Path> uploads = Files.list(device)) {
                    uploads.filter(Files::isDirectory).forEach(upload -> all.add(new StagedBlocks(upload)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the staged blocks", e);
        }
        return all;
    }

    /** The bytes of every file under {@code folder} (none: 0). */
    static long bytesOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(StagedBlocks::size).sum();
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure the staged blocks", e);
        }
    }

    /** The upload these blocks belong to. */
    String correlationId() {
        return folder.getFileName().toString();
    }

    /** The bytes staged for this upload. */
    long bytes() {
        return bytesOf(folder);
    }

    boolean has(String blockId) {
        return Files.isRegularFile(block(blockId));
    }

    /** The size of block {@code blockId}, 0 if it is not staged. */
    long size(String blockId) {
        return has(blockId) ? size(block(blockId)) : 0;
    }

    /** Where block {@code blockId} is kept. */
    Path block(String blockId) {
        return folder.resolve(HexFormat.of().formatHex(blockId.getBytes(StandardCharsets.UTF_8)));
    }

    /** Stages (or replaces) block {@code blockId}. */
    void stage(String blockId, byte[] body) {
        EmbeddedBlobStore.write(block(blockId), body);
    }

    /** Deletes the staged blocks, and the device's folder if it is left empty. */
    void discard() {
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.list(folder)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(folder);
            }
            try (Stream<Path> left = Files.list(folder.getParent())) {
                if (left.findAny().isEmpty()) {
                    Files.deleteIfExists(folder.getParent());
                }
            }
        } catch (NoSuchFileException e) {
            // discarded by another call already
        } catch (IOException e) {
            throw new UncheckedIOException("could not discard staged blocks", e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not measure " + file, e);
        }
    }
}
