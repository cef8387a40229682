package org.opencentral.core.store;

import java.util.Collection;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/** Last known telemetry values, kept by a consumer of the event log. */
public interface LastValueStore {
    /**
     * Upserts a batch in one transaction; an older timestamp never replaces a newer value, and
     * values of devices that no longer exist are skipped.
     */
    void upsert(Collection<LastValue> values);

    Optional<LastValue> find(DeviceId id, String component, String name);
}
