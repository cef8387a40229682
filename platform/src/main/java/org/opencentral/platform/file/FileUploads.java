package org.opencentral.platform.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.core.file.DeviceFileStore;

/**
 * IoT Hub's file-upload flow over the embedded blob store, a folder of files named by correlation
 * id. A blob is {@code {deviceId}/{file name}} in container {@value #CONTAINER} of account
 * {@value #ACCOUNT}: the Azure Storage client puts it to a path under {@value #PATH_PREFIX} that
 * decodes to {@code {container}/{blob}} (it percent-encodes the slashes or not, depending on
 * whether it takes the host for an account or an IP address).
 * One SAS URI stores one blob; a file over the per-device size limit or over the device's quota is
 * refused, and so is any upload while no folder is configured.
 */
public final class FileUploads {
    public static final String ACCOUNT = "devicefiles";
    public static final String CONTAINER = "uploads";
    /** The start of every blob's request path: the account. */
    public static final String PATH_PREFIX = "/" + ACCOUNT + "/";
    private static final int MAX_NAME_LENGTH = 1024;
    private static final int LOCK_STRIPES = 64;

    private final DeviceFileStore store;
    private final FileUploadSettings settings;
    private final Clock clock;
    private final BlobSas sas;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public FileUploads(DeviceFileStore store, FileUploadSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.sas = new BlobSas(clock);
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The limits and folder. */
    public FileUploadSettings settings() {
        return settings;
    }

    /** A SAS URI for {@code device}'s file {@code fileName} on {@code hostName} (the host the device reached us by). */
    public BlobGrant request(DeviceId device, String fileName, String hostName) {
        folder();
        String problem = nameProblem(fileName);
        if (problem != null) {
            throw DomainException.badRequest("blobName " + problem);
        }
        String blobName = device.value() + "/" + fileName;
        String correlationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!store.insert(DeviceFile.requested(correlationId, device, blobName, now))) {
            throw DomainException.notFound("device " + device.value());
        }
        return new BlobGrant(correlationId, hostName, ACCOUNT + "/" + CONTAINER, blobName,
                sas.token(blobName, now.plus(settings.sasLifetime())));
    }

    /**
     * The device's notification of an upload's outcome. A success needs the stored blob; an unknown
     * correlation id, or another device's, is not found.
     */
    public void notify(DeviceId device, String correlationId, boolean success) {
        DeviceFile file = store.find(correlationId).filter(f -> f.device().equals(device))
                .orElseThrow(() -> DomainException.notFound("file upload " + correlationId));
        DeviceFile.Status outcome = success ? DeviceFile.Status.COMPLETED : DeviceFile.Status.FAILED;
        if (!store.settle(correlationId, outcome)) {
            throw DomainException.badRequest(file.status() == DeviceFile.Status.REQUESTED
                    ? "no blob was stored for correlation id " + correlationId
                    : "the upload " + correlationId + " was notified already");
        }
    }

    /**
     * Puts blob {@code blobName} (decoded, without the path prefix) with the decoded SAS
     * {@code query}: checks the SAS, the size limit and the device's quota, then stores the bytes and
     * records the upload.
     */
    public BlobPut put(String blobName, Map<String, List<String>> query, Optional<String> contentType, byte[] body) {
        Optional<String> refusal = sas.refusal(blobName, query);
        if (refusal.isPresent()) {
            return new BlobPut.Refused(403, "AuthenticationFailed", refusal.get());
        }
        if (settings.folder().isEmpty()) {
            return new BlobPut.Refused(403, "AuthorizationFailure", "file uploads are not enabled");
        }
        if (body.length > settings.maxFileBytes()) {
            return new BlobPut.Refused(413, "RequestBodyTooLarge", "a file of " + body.length
                    + " bytes is over the limit of " + settings.maxFileBytes() + " bytes per file");
        }
        DeviceId device = DeviceId.of(blobName.substring(0, blobName.indexOf('/')));
        synchronized (locks[Math.floorMod(device.hashCode(), LOCK_STRIPES)]) {
            return store(device, blobName, contentType, body);
        }
    }

    private BlobPut store(DeviceId device, String blobName, Optional<String> contentType, byte[] body) {
        Optional<DeviceFile> pending = store.pending(device, blobName);
        if (pending.isEmpty()) {
            return new BlobPut.Refused(409, "BlobAlreadyExists", "this SAS URI was used already");
        }
        long stored = store.bytesStored(device);
        if (stored + body.length > settings.quotaBytes()) {
            return new BlobPut.Refused(403, "QuotaExceeded", "the device holds " + stored + " bytes of files; "
                    + body.length + " more would pass its quota of " + settings.quotaBytes() + " bytes");
        }
        Path target = content(pending.get());
        write(target, body);
        Instant at = clock.instant();
        if (!store.uploaded(pending.get().correlationId(), body.length, contentType, at)) {
            delete(target);
            return new BlobPut.Refused(409, "BlobAlreadyExists", "this SAS URI was used already");
        }
        return new BlobPut.Stored(store.find(pending.get().correlationId()).orElseThrow(), at);
    }

    /** {@code device}'s stored files (their blobs stored, notified or not), newest first. */
    public List<DeviceFile> files(DeviceId device) {
        return store.stored(device);
    }

    /** {@code device}'s stored file {@code correlationId}; not found if it is not stored or another device's. */
    public DeviceFile file(DeviceId device, String correlationId) {
        return store.find(correlationId).filter(f -> f.device().equals(device) && f.uploadedAt().isPresent())
                .orElseThrow(() -> DomainException.notFound("file " + correlationId));
    }

    /** Where an upload's bytes are kept. */
    public Path content(DeviceFile file) {
        return folder().resolve(file.correlationId());
    }

    private Path folder() {
        return settings.folder().orElseThrow(() -> new DomainException(ErrorCode.FORBIDDEN,
                "file uploads are not enabled: the node has no folder for them"));
    }

    private static void write(Path target, byte[] body) {
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

    /** What is wrong with a device's file name, or null: it is a blob name's tail. */
    static String nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "is required";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return "is longer than " + MAX_NAME_LENGTH + " characters";
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
            return "contains a control character or a backslash";
        }
        if (List.of(name.split("/", -1)).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
            return "has an empty, '.' or '..' path segment";
        }
        return null;
    }
}
