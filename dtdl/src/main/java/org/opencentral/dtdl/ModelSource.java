package org.opencentral.dtdl;

import java.util.Optional;

/**
 * Where the resolver looks for models that were not given together: a local model repository, the
 * platform's template store, ... Called once per unresolved DTMI; must be thread-safe if shared.
 */
public interface ModelSource {

    /** The document defining {@code dtmi}, if this source has one. */
    Optional<ModelDocument> find(String dtmi);

    /** A source that has no models. */
    static ModelSource none() {
        return dtmi -> Optional.empty();
    }

    /** Looks in this source first, then in {@code other}. */
    default ModelSource orElse(ModelSource other) {
        return dtmi -> find(dtmi).or(() -> other.find(dtmi));
    }
}
