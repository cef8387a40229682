package org.opencentral.core.file;

import java.time.Duration;
import java.util.Objects;

/**
 * The application's file-upload storage (IoT Central's {@code /fileUploads}): devices' files go to
 * {@code container} of the Azure Storage account the connection string names, instead of the
 * embedded store.
 *
 * @param connectionString the storage account's connection string (a secret: sealed at rest, never answered)
 * @param container        the container the devices' blobs go to
 * @param sasTtl           how long a device's SAS URI is valid
 * @param readAccess       whether users may read the uploaded files through OpenCentral
 * @param etag             changes with every write
 */
public record FileUploadConfig(String connectionString, String container, Duration sasTtl, boolean readAccess,
        String etag) {
    public FileUploadConfig {
        Objects.requireNonNull(connectionString, "connectionString");
        Objects.requireNonNull(container, "container");
        Objects.requireNonNull(sasTtl, "sasTtl");
        Objects.requireNonNull(etag, "etag");
        if (sasTtl.isNegative() || sasTtl.isZero()) {
            throw new IllegalArgumentException("sasTtl must be positive");
        }
    }

    /** Never the connection string (a secret). */
    @Override
    public String toString() {
        return "FileUploadConfig[container=" + container + ", sasTtl=" + sasTtl + ", readAccess=" + readAccess
                + ", etag=" + etag + "]";
    }

    /** This configuration with another etag. */
    public FileUploadConfig withEtag(String newEtag) {
        return new FileUploadConfig(connectionString, container, sasTtl, readAccess, newEtag);
    }
}
