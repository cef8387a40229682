package org.opencentral.core.store;

import java.util.Collection;
import java.util.List;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.template.CloudPropertyValue;

/** Cloud property values, kept per device; deleting a device deletes them. */
public interface CloudPropertyStore {
    /** The device's cloud property values ordered by component and name. */
    List<CloudPropertyValue> list(DeviceId id);

    /** Stores values in one transaction (replacing earlier values of the same property). */
    void put(Collection<CloudPropertyValue> values);

    /** Removes one value; false if there was none. */
    boolean delete(DeviceId id, String component, String name);
}
