package org.opencentral.core.export;

import java.util.Objects;
import java.util.Optional;

/** A destination an export sends to, with the transform applied on the way (kept, not yet run). */
public record DestinationReference(String id, Optional<String> transform) {
    public DestinationReference {
        ExportIds.check("destination", id);
        Objects.requireNonNull(transform, "transform");
    }
}
