package org.opencentral.platform.rules;

import java.util.Objects;
import org.opencentral.core.store.CloudPropertyStore;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.platform.group.DeviceGroupService;

/** Where the rules read what they know of devices: the registry, cloud property values, device groups. */
public record DeviceSources(DeviceStore devices, CloudPropertyStore cloudProperties, DeviceGroupService groups) {
    public DeviceSources {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(cloudProperties, "cloudProperties");
        Objects.requireNonNull(groups, "groups");
    }
}
