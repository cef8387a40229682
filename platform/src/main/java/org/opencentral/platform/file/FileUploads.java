package org.opencentral.platform.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.file.DeviceFile;
import org.opencentral.core.file.DeviceFileStore;
import org.opencentral.core.file.FileUploadConfig;

/**
 * IoT Hub's file-upload flow, to the configured Azure Blob container ({@link FileUploadStorage}) or,
 * without one, to the embedded blob store ({@link EmbeddedBlobStore}). A blob is
 * {@code {deviceId}/{file name}}; in the embedded store, in container {@value #CONTAINER} of account
 * {@value #ACCOUNT}: the Azure Storage client puts it to a path under {@value #PATH_PREFIX} that
 * decodes to {@code {container}/{blob}} (it percent-encodes the slashes or not, depending on
 * whether it takes the host for an account or an IP address); no upload is asked for while neither
 * a storage nor a folder is configured. Devices upload to Azure directly with the SAS the container
 * signs; their notification records the blob (its size is not limited).
 */
public final class FileUploads {
    public static final String ACCOUNT = "devicefiles";
    public static final String CONTAINER = "uploads";
    /** The start of every blob's request path: the account. */
    public static final String PATH_PREFIX = "/" + ACCOUNT + "/";
    private static final int MAX_NAME_LENGTH = 1024;

    private final DeviceFileStore store;
    private final FileUploadSettings settings;
    private final Clock clock;
    private final EmbeddedBlobStore embedded;
    private final FileUploadStorage storage;

    public FileUploads(DeviceFileStore store, FileUploadSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.embedded = new EmbeddedBlobStore(store, settings, clock);
        this.storage = new FileUploadStorage(store);
    }

    /** The limits and folder. */
    public FileUploadSettings settings() {
        return settings;
    }

    /**
     * A SAS URI for {@code device}'s file {@code fileName}: to the configured Azure Blob container if
     * there is one, else to the embedded store on {@code hostName} (the host the device reached us by).
     */
    public BlobGrant request(DeviceId device, String fileName, String hostName) {
        String problem = nameProblem(fileName);
        if (problem != null) {
            throw DomainException.badRequest("blobName " + problem);
        }
        String blobName = device.value() + "/" + fileName;
        String correlationId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Optional<AzureBlobContainer> azure = storage.container();
        if (azure.isEmpty()) {
            folder();
        }
        if (!store.insert(DeviceFile.requested(correlationId, device, blobName, now,
                azure.map(AzureBlobContainer::address)))) {
            throw DomainException.notFound("device " + device.value());
        }
        if (azure.isPresent()) {
            Duration ttl = storage.configuration().map(FileUploadConfig::sasTtl).orElse(settings.sasLifetime());
            return azure.get().grant(correlationId, blobName, now.plus(ttl));
        }
        return new BlobGrant(correlationId, hostName, ACCOUNT + "/" + CONTAINER, blobName,
                embedded.token(blobName, now));
    }

    /**
     * The device's notification of an upload's outcome. A success needs the stored blob (for an upload
     * to Azure Blob storage, the blob is looked up and recorded now); an unknown correlation id, or
     * another device's, is not found.
     */
    public void notify(DeviceId device, String correlationId, boolean success) {
        DeviceFile file = store.find(correlationId).filter(f -> f.device().equals(device))
                .orElseThrow(() -> DomainException.notFound("file upload " + correlationId));
        if (success && file.status() == DeviceFile.Status.REQUESTED && file.container().isPresent()) {
            recordAzureBlob(file);
        }
        DeviceFile.Status outcome = success ? DeviceFile.Status.COMPLETED : DeviceFile.Status.FAILED;
        if (!store.settle(correlationId, outcome)) {
            throw DomainException.badRequest(file.status() == DeviceFile.Status.REQUESTED
                    ? "no blob was stored for correlation id " + correlationId
                    : "the upload " + correlationId + " was notified already");
        }
    }

    private void recordAzureBlob(DeviceFile file) {
        AzureBlobContainer container = configuredContainer(file);
        container.stored(file.blobName()).ifPresent(blob -> store.uploaded(file.correlationId(), blob.size(),
                blob.contentType(), blob.at()));
    }

    /** The configured container {@code file} went to; a 409 if the storage configuration changed since. */
    private AzureBlobContainer configuredContainer(DeviceFile file) {
        return storage.container().filter(c -> file.container().equals(Optional.of(c.address())))
                .orElseThrow(() -> DomainException.conflict("the file upload storage " + file.container().orElseThrow()
                        + " is not configured any more"));
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

    /** Where an upload's bytes are kept in the embedded store. */
    public Path content(DeviceFile file) {
        folder();
        return embedded.content(file);
    }

    /** The embedded blob store, which the HTTPS listener's blob endpoint writes to. */
    public EmbeddedBlobStore embedded() {
        return embedded;
    }

    /**
     * The content of a stored file as it is now, from the embedded store or from the Azure Blob
     * container it went to (403 unless the configuration grants {@code readAccess}; a device may have
     * written the blob again while its SAS was valid, so the size is the blob's, not the recorded one);
     * the caller closes it.
     */
    public Content read(DeviceFile file) {
        if (file.container().isEmpty()) {
            try {
                Path path = content(file);
                return new Content(Files.size(path), Files.newInputStream(path));
            } catch (IOException e) {
                throw new UncheckedIOException("could not read an uploaded file", e);
            }
        }
        if (!storage.configuration().map(FileUploadConfig::readAccess).orElse(false)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "the file upload storage does not grant readAccess");
        }
        return configuredContainer(file).open(file.blobName());
    }

    /** A stored file's bytes, streamed, and how many there are. */
    public record Content(long size, InputStream stream) {
    }

    /** The application's file-upload storage configuration. */
    public FileUploadStorage storage() {
        return storage;
    }

    private Path folder() {
        return settings.folder().orElseThrow(() -> new DomainException(ErrorCode.FORBIDDEN,
                "file uploads are not enabled: the node has no folder for them"));
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
