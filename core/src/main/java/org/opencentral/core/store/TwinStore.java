package org.opencentral.core.store;

import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.twin.Twin;

/** Device twins. A twin exists exactly as long as its device. */
public interface TwinStore {
    Optional<Twin> find(DeviceId id);

    /**
     * Stores {@code updated} if the stored twin still has the versions of {@code expected}
     * (compare-and-set on both section versions). Returns false when another writer came first;
     * NOT_FOUND when the device does not exist.
     */
    boolean compareAndSet(Twin expected, Twin updated);
}
