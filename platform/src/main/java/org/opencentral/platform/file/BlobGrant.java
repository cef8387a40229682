package org.opencentral.platform.file;

import java.util.Objects;

/**
 * IoT Hub's answer to a device's file-upload request: the blob's address is
 * {@code https://{hostName}/{containerName}/{blobName}{sasToken}}.
 */
public record BlobGrant(String correlationId, String hostName, String containerName, String blobName,
        String sasToken) {
    public BlobGrant {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(hostName, "hostName");
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(blobName, "blobName");
        Objects.requireNonNull(sasToken, "sasToken");
    }
}
