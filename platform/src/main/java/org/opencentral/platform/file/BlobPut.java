package org.opencentral.platform.file;

import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.file.DeviceFile;

/** The outcome of putting a blob to the embedded store. */
public sealed interface BlobPut {
    /** The blob is stored and recorded. */
    record Stored(DeviceFile file, Instant at) implements BlobPut {
        public Stored {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Refused, with the Blob protocol's status and error code. */
    record Refused(int status, String code, String message) implements BlobPut {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
