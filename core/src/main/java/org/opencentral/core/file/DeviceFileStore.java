package org.opencentral.core.file;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/** The state store's record of device file uploads; a device's files go with the device. */
public interface DeviceFileStore {
    /** Records a requested upload; false if the device does not exist. */
    boolean insert(DeviceFile file);

    /** The upload with this correlation id. */
    Optional<DeviceFile> find(String correlationId);

    /** The newest upload of {@code device} to {@code blobName} that is still waiting for its blob. */
    Optional<DeviceFile> pending(DeviceId device, String blobName);

    /** Records the stored blob of a requested upload; false if it is not waiting for one. */
    boolean uploaded(String correlationId, long size, Optional<String> contentType, Instant at);

    /**
     * Records the device's notification: {@link DeviceFile.Status#COMPLETED} or
     * {@link DeviceFile.Status#FAILED}; false if the correlation is unknown or already settled.
     */
    boolean settle(String correlationId, DeviceFile.Status outcome);

    /** The bytes of {@code device}'s stored blobs (uploaded, completed or failed after the upload). */
    long bytesStored(DeviceId device);

    /** {@code device}'s uploads whose blob is stored, newest first. */
    List<DeviceFile> stored(DeviceId device);

    /** The application's file-upload storage, if one is configured. */
    Optional<FileUploadConfig> configuration();

    /** Stores the file-upload storage (its connection string sealed), replacing any. */
    void configure(FileUploadConfig config);

    /** Removes the file-upload storage; false if none was configured. */
    boolean removeConfiguration();
}
