package org.opencentral.core.store;

import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.relationship.DeviceRelationship;

/**
 * Device relationships, keyed by source device and relationship id. A relationship disappears with
 * either of its devices.
 */
public interface RelationshipStore {
    Optional<DeviceRelationship> find(DeviceId source, String id);

    /** The source's relationships in id order, {@code limit} at a time after cursor {@code after}. */
    Page<DeviceRelationship> list(DeviceId source, Optional<String> after, int limit);

    /**
     * Creates or replaces the relationship; {@code NOT_FOUND} when the source or target device does
     * not exist. Answers whether it was created.
     */
    boolean put(DeviceRelationship relationship);

    /** Whether a relationship was deleted. */
    boolean delete(DeviceId source, String id);
}
