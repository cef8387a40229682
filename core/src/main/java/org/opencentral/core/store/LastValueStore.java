package org.opencentral.core.store;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * The last value of {@code component}/{@code name} of each of {@code ids} that has one, by
     * device id; devices without it (or that do not exist) are absent. Stores answer in one read
     * per bounded chunk of ids rather than one per device.
     */
    default Map<DeviceId, LastValue> find(Collection<DeviceId> ids, String component, String name) {
        Map<DeviceId, LastValue> found = new HashMap<>();
        for (DeviceId id : ids) {
            find(id, component, name).ifPresent(value -> found.put(id, value));
        }
        return found;
    }

    /**
     * The last values of one device, ordered by component then name, at most {@code limit}
     * (1 or more); empty for a device without values or that does not exist.
     */
    List<LastValue> list(DeviceId id, int limit);
}
