package org.opencentral.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/**
 * A connect or disconnect for {@link DeviceStore#recordConnections}: connecting sets the model id to
 * {@code modelId} (none clears it); disconnecting keeps the stored one unless one is given.
 */
public record ConnectionChange(DeviceId id, boolean connected, Instant at, Optional<String> modelId) {
    public ConnectionChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(modelId, "modelId");
    }

    /** Whether the change writes the model id column. */
    public boolean writesModelId() {
        return connected || modelId.isPresent();
    }
}
