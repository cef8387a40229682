package org.opencentral.platform.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.DeviceStore;

/**
 * Remembers when devices were last heard from (to the second) and writes their last-activity time
 * in batches from {@link #runOnce()} (the server runs it every second), so ingest never waits on the
 * state store. A device is written at most once per {@link #WRITE_INTERVAL}: while it keeps sending,
 * its stored time lags by up to that interval (IoT Hub's {@code lastActivityTime} is eventually
 * consistent too), and when it stops, its last second is written at most that interval after the
 * previous write. Before this bound, 10,000 devices sending once a second cost one SQLite UPDATE
 * per message.
 */
public final class ActivityTracker {
    /** The shortest time between two writes of one device's last activity. */
    public static final Duration WRITE_INTERVAL = Duration.ofSeconds(60);

    /** Device → the epoch second it was last heard from, not yet written. */
    private final Map<DeviceId, Long> heard = new ConcurrentHashMap<>();
    /** Device → the epoch second its activity was last written; only {@link #runOnce()} touches it. */
    private final Map<DeviceId, Long> written = new HashMap<>();
    /** The last second {@link #currentSecond()} boxed. */
    private volatile Long second = Long.MIN_VALUE;
    private final DeviceStore devices;
    private final Clock clock;

    public ActivityTracker(DeviceStore devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /** Any thread; allocates only a device's first entry, and the current second's box once a second. */
    public void heardFrom(DeviceId id) {
        Long second = currentSecond();
        if (!second.equals(heard.get(id))) {
            heard.put(id, second);
        }
    }

    /**
     * The current epoch second, boxed once per second and shared by every device heard from within it:
     * a device sending once a second would otherwise box a new {@code Long} with each message (two
     * threads crossing a second together may box it twice, which changes nothing but an allocation).
     */
    private Long currentSecond() {
        long now = Math.floorDiv(clock.millis(), 1000);
        Long second = this.second;
        if (second != now) {
            second = now;
            this.second = second;
        }
        return second;
    }

    /**
     * Writes, for every device heard from whose activity was not written within the interval, the
     * second it was last heard from; returns how many devices it wrote. A failed write keeps them for
     * the next run.
     */
    public synchronized int runOnce() {
        long now = Math.floorDiv(clock.millis(), 1000);
        written.values().removeIf(second -> now - second >= WRITE_INTERVAL.toSeconds());
        Map<Long, List<DeviceId>> due = new TreeMap<>();
        heard.forEach((id, second) -> {
            if (!written.containsKey(id)) {
                due.computeIfAbsent(second, s -> new ArrayList<>()).add(id);
            }
        });
        int count = 0;
        for (Map.Entry<Long, List<DeviceId>> group : due.entrySet()) {
            devices.recordActivity(group.getValue(), Instant.ofEpochSecond(group.getKey()));
            for (DeviceId id : group.getValue()) {
                heard.remove(id, group.getKey());
                written.put(id, now);
            }
            count += group.getValue().size();
        }
        return count;
    }
}
