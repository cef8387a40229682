package org.opencentral.core.store;

import java.time.Instant;
import java.util.List;
import org.opencentral.core.device.DeviceId;

/** Durable per-device queues of cloud-to-device messages. */
public interface C2dQueueStore {
    /** Appends a message to its device's queue; NOT_FOUND if the device does not exist. */
    void enqueue(C2dMessage message);

    /** Unexpired messages of a device, oldest first. */
    List<C2dMessage> pending(DeviceId id, Instant now, int max);

    /** Number of unexpired messages queued for a device. */
    int countPending(DeviceId id, Instant now);

    /** Removes a delivered message; false if it was not there. */
    boolean remove(DeviceId id, String messageId);

    /** Deletes every expired message; returns how many. */
    int purgeExpired(Instant now);
}
