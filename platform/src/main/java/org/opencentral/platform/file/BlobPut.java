package org.opencentral.platform.file;

import java.time.Instant;
import java.util.Objects;
import org.opencentral.core.file.DeviceFile;

/** The outcome of a Put Blob, Put Block or Put Block List on the embedded store. */
public sealed interface BlobPut {
    /** The blob is stored and recorded. */
    record Stored(DeviceFile file, Instant at) implements BlobPut {
        public Stored {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(at, "at");
        }
    }

    /** A block is staged (Put Block), waiting for the Put Block List that commits it. */
    record BlockStaged() implements BlobPut {
    }

    /** Refused, with the Blob protocol's status and error code. */
    record Refused(int status, String code, String message) implements BlobPut {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
