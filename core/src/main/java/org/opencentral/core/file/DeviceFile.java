package org.opencentral.core.file;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/**
 * One file upload of a device (IoT Hub's file-upload flow): asked for ({@link Status#REQUESTED}),
 * its blob stored ({@link Status#UPLOADED}, with size, content type and time), then notified by
 * the device as a success ({@link Status#COMPLETED}) or a failure ({@link Status#FAILED}).
 *
 * @param correlationId the id the device notifies with
 * @param device        the device that uploads
 * @param blobName      the blob's name, {@code {deviceId}/{file name}}
 * @param requestedAt   when the SAS URI was handed out
 * @param status        where the upload stands
 * @param size          the stored blob's size in bytes (0 before it is stored)
 * @param contentType   the stored blob's content type, if the device sent one
 * @param uploadedAt    when the blob was stored
 * @param container     the address of the Azure Blob container the blob went to (no secrets); none: the
 *                      embedded store
 */
public record DeviceFile(String correlationId, DeviceId device, String blobName, Instant requestedAt, Status status,
        long size, Optional<String> contentType, Optional<Instant> uploadedAt, Optional<String> container) {

    /** Where an upload stands. */
    public enum Status {
        REQUESTED, UPLOADED, COMPLETED, FAILED
    }

    public DeviceFile {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(blobName, "blobName");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(container, "container");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
        if (status != Status.REQUESTED && uploadedAt.isEmpty() && status != Status.FAILED) {
            throw new IllegalArgumentException(status + " needs the upload time");
        }
    }

    /** A newly requested upload to the embedded store: nothing stored yet. */
    public static DeviceFile requested(String correlationId, DeviceId device, String blobName, Instant at) {
        return requested(correlationId, device, blobName, at, Optional.empty());
    }

    /** A newly requested upload to {@code container} (none: the embedded store): nothing stored yet. */
    public static DeviceFile requested(String correlationId, DeviceId device, String blobName, Instant at,
            Optional<String> container) {
        return new DeviceFile(correlationId, device, blobName, at, Status.REQUESTED, 0, Optional.empty(),
                Optional.empty(), container);
    }
}
