package org.opencentral.platform.file;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.file.DeviceFileStore;
import org.opencentral.core.file.FileUploadConfig;

/**
 * The application's file-upload storage (IoT Central's {@code /fileUploads}): with a configuration,
 * devices upload to its Azure Blob container; without one, to the embedded store. A configuration is
 * checked when it is written (a connection string with an account key, a container name Azure
 * accepts, a SAS lifetime from one minute to one day) and takes effect for the next SAS URI a device
 * asks for. The container {@link AzureBlobContainer} is made once per configuration (by its etag).
 */
public final class FileUploadStorage {
    /** IoT Hub's default SAS lifetime. */
    public static final Duration DEFAULT_SAS_TTL = Duration.ofHours(1);
    static final Duration MIN_SAS_TTL = Duration.ofMinutes(1);
    static final Duration MAX_SAS_TTL = Duration.ofDays(1);
    /** Azure's container names: 3 to 63 lowercase letters, digits and single hyphens, starting with a letter or digit. */
    private static final Pattern CONTAINER = Pattern.compile("^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$");

    private final DeviceFileStore store;
    private volatile Optional<Configured> current = Optional.empty();

    public FileUploadStorage(DeviceFileStore store) {
        this.store = store;
    }

    /** The configuration, if any. */
    public Optional<FileUploadConfig> configuration() {
        return store.configuration();
    }

    /**
     * Stores {@code config} (its etag is replaced by a fresh one) if it is valid and {@code ifMatch}
     * (a bare etag) names the stored configuration's etag; returns what is stored.
     */
    public FileUploadConfig configure(FileUploadConfig config, Optional<String> ifMatch) {
        StorageConnectionString.parse(config.connectionString());
        if (!CONTAINER.matcher(config.container()).matches()) {
            throw DomainException.badRequest("container '" + config.container() + "' is not an Azure container name: "
                    + "3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit");
        }
        if (config.sasTtl().compareTo(MIN_SAS_TTL) < 0 || config.sasTtl().compareTo(MAX_SAS_TTL) > 0) {
            throw DomainException.badRequest("sasTtl " + config.sasTtl() + " is not between PT1M and P1D");
        }
        checkPrecondition(ifMatch);
        FileUploadConfig stored = config.withEtag(UUID.randomUUID().toString());
        store.configure(stored);
        return stored;
    }

    /** Removes the configuration (devices upload to the embedded store again); 404 if there is none. */
    public void remove(Optional<String> ifMatch) {
        checkPrecondition(ifMatch);
        if (!store.removeConfiguration()) {
            throw DomainException.notFound("file upload configuration");
        }
    }

    /** The configured container, if any. */
    Optional<AzureBlobContainer> container() {
        Optional<FileUploadConfig> config = store.configuration();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Optional<Configured> made = current;
        if (made.isPresent() && made.get().etag().equals(config.get().etag())) {
            return Optional.of(made.get().container());
        }
        AzureBlobContainer container = new AzureBlobContainer(
                StorageConnectionString.parse(config.get().connectionString()), config.get().container());
        current = Optional.of(new Configured(config.get().etag(), container));
        return Optional.of(container);
    }

    private void checkPrecondition(Optional<String> ifMatch) {
        if (ifMatch.isEmpty() || ifMatch.get().equals("*")) {
            return;
        }
        Optional<String> etag = store.configuration().map(FileUploadConfig::etag);
        if (!etag.equals(ifMatch)) {
            throw new DomainException(ErrorCode.PRECONDITION_FAILED, "the file upload configuration's etag is "
                    + etag.orElse("none (it does not exist)") + ", not " + ifMatch.get());
        }
    }

    private record Configured(String etag, AzureBlobContainer container) {
    }
}
