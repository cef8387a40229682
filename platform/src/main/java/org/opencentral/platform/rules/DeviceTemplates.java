package org.opencentral.platform.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.DeviceStore;

/** The template of each device the engine has seen, read once and forgotten on the device's lifecycle events. */
final class DeviceTemplates {
    private final DeviceStore devices;
    private final Map<DeviceId, Optional<String>> known = new HashMap<>();

    DeviceTemplates(DeviceStore devices) {
        this.devices = devices;
    }

    Optional<String> of(DeviceId device) {
        return known.computeIfAbsent(device, id -> devices.find(id).flatMap(Device::template));
    }

    void forget(DeviceId device) {
        known.remove(device);
    }

    void clear() {
        known.clear();
    }
}
