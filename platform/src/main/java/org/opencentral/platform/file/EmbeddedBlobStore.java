package org.opencentral.platform.file;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.core.file.DeviceFileStore;

/**
 * The embedded blob store: a folder of files named by correlation id, written with the part of the
 * Blob protocol the device SDKs use, each call authorized by our SAS ({@link BlobSas}). Put Blob
 * stores a blob in one call; Put Block stages a block ({@link StagedBlocks}) and Put Block List
 * commits the named blocks, in order, as the blob. One SAS URI stores one blob. The per-file limit
 * holds for a Put Blob's body and for a blob's staged blocks together; the device's quota counts its
 * stored files and everything it has staged. Calls of one device run one at a time (a lock stripe).
 */
public final class EmbeddedBlobStore {
    private static final int LOCK_STRIPES = 64;

    private final DeviceFileStore store;
    private final FileUploadSettings settings;
    private final Clock clock;
    private final BlobSas sas;
    private final Object[] locks = new Object[LOCK_STRIPES];

    EmbeddedBlobStore(DeviceFileStore store, FileUploadSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.sas = new BlobSas(clock);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The SAS query that lets its holder write {@code blobName} for the SAS lifetime from {@code now}. */
    String token(String blobName, Instant now) {
        return sas.token(blobName, now.plus(settings.sasLifetime()));
    }

    /** Put Blob: checks the SAS, the size limit and the device's quota, then stores the bytes and records the upload. */
    public BlobPut put(String blobName, Map<String, List<String>> query, Optional<String> contentType, byte[] body) {
        return authorized(blobName, query, () -> {
            if (body.length > settings.maxFileBytes()) {
                return tooLarge(body.length);
            }
            return locked(blobName, (device, pending) -> {
                Optional<BlobPut> overQuota = quota(device, body.length, 0);
                if (overQuota.isPresent()) {
                    return overQuota.get();
                }
                Path target = content(pending);
                write(target, body);
                return recorded(pending, target, body.length, contentType);
            });
        });
    }

    /** Put Block: stages {@code body} as block {@code blockId} (decoded) of the blob, replacing a block of that id. */
    public BlobPut putBlock(String blobName, Map<String, List<String>> query, String blockId, byte[] body) {
        return authorized(blobName, query, () -> locked(blobName, (device, pending) -> {
            StagedBlocks blocks = blocks(device, pending);
            Optional<String> problem = StagedBlocks.idProblem(blockId);
            if (problem.isPresent()) {
                return new BlobPut.Refused(400, "InvalidQueryParameterValue", problem.get());
            }
            long replaced = blocks.size(blockId);
            long staged = blocks.bytes() - replaced + body.length;
            if (staged > settings.maxFileBytes()) {
                return tooLarge(staged);
            }
            Optional<BlobPut> overQuota = quota(device, body.length, replaced);
            if (overQuota.isPresent()) {
                return overQuota.get();
            }
            blocks.stage(blockId, body);
            return new BlobPut.BlockStaged();
        }));
    }

    /** Put Block List: the named staged blocks, in order, become the blob; the staged blocks are then discarded. */
    public BlobPut putBlockList(String blobName, Map<String, List<String>> query, Optional<String> contentType,
            List<String> blockIds) {
        return authorized(blobName, query, () -> locked(blobName, (device, pending) -> {
            StagedBlocks blocks = blocks(device, pending);
            Optional<String> missing = blockIds.stream().filter(id -> !blocks.has(id)).findFirst();
            if (missing.isPresent()) {
                return new BlobPut.Refused(400, "InvalidBlockList", "block " + missing.get() + " is not staged");
            }
            // the staged blocks are within the per-file limit together, so any list of them is too
            Path target = content(pending);
            BlobPut put = recorded(pending, target, commit(blocks, blockIds, target), contentType);
            blocks.discard();
            return put;
        }));
    }

    /** Discards the staged blocks of uploads that can no longer be committed (their SAS expired or they are settled). */
    public int purgeAbandonedBlocks() {
        if (settings.folder().isEmpty()) {
            return 0;
        }
        Instant expired = clock.instant().minus(settings.sasLifetime());
        int purged = 0;
        for (StagedBlocks blocks : StagedBlocks.all(blocksFolder())) {
            Optional<DeviceFile> file = store.find(blocks.correlationId());
            if (file.isEmpty()) {
                blocks.discard(); // its device is gone
                purged++;
                continue;
            }
            synchronized (lock(file.get().device())) {
                DeviceFile now = store.find(blocks.correlationId()).orElse(file.get());
                if (now.status() != DeviceFile.Status.REQUESTED || now.requestedAt().isBefore(expired)) {
                    blocks.discard();
                    purged++;
                }
            }
        }
        return purged;
    }

    /** Where an upload's bytes are kept. */
    Path content(DeviceFile file) {
        return folder().resolve(file.correlationId());
    }

    private BlobPut authorized(String blobName, Map<String, List<String>> query, Supplier<BlobPut> put) {
        Optional<String> refusal = sas.refusal(blobName, query);
        if (refusal.isPresent()) {
            return new BlobPut.Refused(403, "AuthenticationFailed", refusal.get());
        }
        if (settings.folder().isEmpty()) {
            return new BlobPut.Refused(403, "AuthorizationFailure", "file uploads are not enabled");
        }
        return put.get();
    }

    private interface PendingPut {
        BlobPut put(DeviceId device, DeviceFile pending);
    }

    /** Runs {@code put} under the device's lock for the upload waiting for {@code blobName}; 409 if none waits. */
    private BlobPut locked(String blobName, PendingPut put) {
        DeviceId device = DeviceId.of(blobName.substring(0, blobName.indexOf('/')));
        synchronized (lock(device)) {
            Optional<DeviceFile> pending = store.pending(device, blobName).filter(f -> f.container().isEmpty());
            if (pending.isEmpty()) {
                return new BlobPut.Refused(409, "BlobAlreadyExists", "this SAS URI was used already");
            }
            return put.put(device, pending.get());
        }
    }

    private Object lock(DeviceId device) {
        return locks[Math.floorMod(device.hashCode(), LOCK_STRIPES)];
    }

    /** A refusal if {@code more} bytes (in place of {@code replaced} staged ones) would pass the device's quota. */
    private Optional<BlobPut> quota(DeviceId device, long more, long replaced) {
        long held = store.bytesStored(device) + StagedBlocks.bytesOf(blocksFolder().resolve(StagedBlocks.deviceFolder(
                device))) - replaced;
        if (held + more <= settings.quotaBytes()) {
            return Optional.empty();
        }
        return Optional.of(new BlobPut.Refused(403, "QuotaExceeded", "the device holds " + held + " bytes of files "
                + "and staged blocks; " + more + " more would pass its quota of " + settings.quotaBytes() + " bytes"));
    }

    private BlobPut recorded(DeviceFile pending, Path target, long size, Optional<String> contentType) {
        Instant at = clock.instant();
        if (!store.uploaded(pending.correlationId(), size, contentType, at)) {
            delete(target);
            return new BlobPut.Refused(409, "BlobAlreadyExists", "this SAS URI was used already");
        }
        return new BlobPut.Stored(store.find(pending.correlationId()).orElseThrow(), at);
    }

    private BlobPut.Refused tooLarge(long size) {
        return new BlobPut.Refused(413, "RequestBodyTooLarge", "a file of " + size + " bytes is over the limit of "
                + settings.maxFileBytes() + " bytes per file");
    }

    private StagedBlocks blocks(DeviceId device, DeviceFile pending) {
        return new StagedBlocks(blocksFolder().resolve(StagedBlocks.deviceFolder(device)).resolve(pending.correlationId()));
    }

    private Path blocksFolder() {
        return folder().resolve("blocks");
    }

    private Path folder() {
        return settings.folder().orElseThrow(() -> new IllegalStateException("the embedded store has no folder"));
    }

    /** Writes the blocks in order to {@code target} (atomically); returns its size. */
    private static long commit(StagedBlocks blocks, List<String> blockIds, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            long size = 0;
            try (OutputStream out = Files.newOutputStream(partial)) {
                for (String id : blockIds) {
                    size += Files.copy(blocks.block(id), out);
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException("could not commit an uploaded blob's blocks", e);
        }
    }

    /** Writes {@code body} to {@code target} atomically (a partial file moved into place), its folder made if missing. */
    static void write(Path target, byte[] body) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            Files.write(partial, body);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not store an uploaded file", e);
        }
    }

    private static void delete(Path target) {
        try {
            Files.deleteIfExists(target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + target, e);
        }
    }
}
