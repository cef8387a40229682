package org.opencentral.platform.export;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.Device;

/**
 * What an export knows about the device a message is about when it formats, filters and enriches
 * it: the registry record (absent for a device deleted since) and its template's display name.
 */
public record DeviceFacts(Optional<Device> device, Optional<String> templateDisplayName) {
    public static final DeviceFacts NONE = new DeviceFacts(Optional.empty(), Optional.empty());

    public DeviceFacts {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(templateDisplayName, "templateDisplayName");
    }

    public Optional<String> templateId() {
        return device.flatMap(Device::template);
    }
}
