package org.opencentral.platform.file;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where uploaded files are kept and how much a device may upload.
 *
 * @param folder       the embedded blob store's folder; none: file uploads are refused
 * @param maxFileBytes the largest file a device may upload
 * @param quotaBytes   the most bytes of stored files a device may hold
 * @param sasLifetime  how long a blob's SAS URI is valid
 */
public record FileUploadSettings(Optional<Path> folder, int maxFileBytes, long quotaBytes, Duration sasLifetime) {
    /** 4 MiB per file. */
    public static final int DEFAULT_MAX_FILE_BYTES = 4 * 1024 * 1024;
    /** 16 MiB per device. */
    public static final long DEFAULT_QUOTA_BYTES = 16L * 1024 * 1024;
    /** One hour, as IoT Hub. */
    public static final Duration DEFAULT_SAS_LIFETIME = Duration.ofHours(1);
    /** No folder: file uploads refused. */
    public static final FileUploadSettings DISABLED = new FileUploadSettings(Optional.empty(), DEFAULT_MAX_FILE_BYTES,
            DEFAULT_QUOTA_BYTES, DEFAULT_SAS_LIFETIME);

    public FileUploadSettings {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(sasLifetime, "sasLifetime");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
        if (quotaBytes < maxFileBytes) {
            throw new IllegalArgumentException("quotaBytes must be at least maxFileBytes");
        }
        if (sasLifetime.isNegative() || sasLifetime.isZero()) {
            throw new IllegalArgumentException("sasLifetime must be positive");
        }
    }

    /** The default limits with files kept in {@code folder}. */
    public static FileUploadSettings in(Path folder) {
        return new FileUploadSettings(Optional.of(folder), DEFAULT_MAX_FILE_BYTES, DEFAULT_QUOTA_BYTES,
                DEFAULT_SAS_LIFETIME);
    }
}
