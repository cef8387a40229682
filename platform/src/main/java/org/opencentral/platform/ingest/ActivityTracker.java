package org.opencentral.platform.ingest;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.DeviceStore;

/**
 * Remembers which devices were heard from and writes their last-activity time in one batch per
 * {@link #runOnce()} (the server runs it every second), so ingest never waits on the state store.
 */
public final class ActivityTracker {
    private final Set<DeviceId> heard = ConcurrentHashMap.newKeySet();
    private final DeviceStore devices;
    private final Clock clock;

    public ActivityTracker(DeviceStore devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    public void heardFrom(DeviceId id) {
        heard.add(id);
    }

    /** Writes the batch collected since the last run; returns its size. */
    public int runOnce() {
        if (heard.isEmpty()) {
            return 0;
        }
        List<DeviceId> batch = List.copyOf(heard);
        heard.removeAll(batch);
        devices.recordActivity(batch, clock.instant());
        return batch.size();
    }
}
