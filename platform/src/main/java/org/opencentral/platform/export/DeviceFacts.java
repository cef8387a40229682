package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.opencentral.core.device.Device;

/**
 * What an export knows about the device a message is about when it formats, filters and enriches
 * it: the registry record (absent for a device deleted since), its template's display name, and its
 * property values (reported and cloud properties, components as nested objects, with the template's
 * capability ids), read only when an enrichment or a transform asks for them.
 */
public record DeviceFacts(Optional<Device> device, Optional<String> templateDisplayName,
        Supplier<DeviceProperties> properties) {
    public static final DeviceFacts NONE = new DeviceFacts(Optional.empty(), Optional.empty());

    public DeviceFacts {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(templateDisplayName, "templateDisplayName");
        properties = once(Objects.requireNonNull(properties, "properties"));
    }

    /** {@code read} called at most once, at the first use. */
    private static Supplier<DeviceProperties> once(Supplier<DeviceProperties> read) {
        AtomicReference<DeviceProperties> value = new AtomicReference<>();
        return () -> value.updateAndGet(v -> v != null ? v : read.get());
    }

    /** Facts without property values. */
    public DeviceFacts(Optional<Device> device, Optional<String> templateDisplayName) {
        this(device, templateDisplayName, () -> DeviceProperties.NONE);
    }

    public Optional<String> templateId() {
        return device.flatMap(Device::template);
    }

    /** The value of property {@code name} of the device's root, else of the first of its components that has it. */
    public Optional<JsonNode> property(String name) {
        ObjectNode values = properties.get().merged();
        if (values.has(name) && !values.get(name).isObject()) {
            return Optional.of(values.get(name));
        }
        for (Map.Entry<String, JsonNode> member : values.properties()) {
            JsonNode inner = member.getValue().path(name);
            if (member.getValue().isObject() && !inner.isMissingNode()) {
                return Optional.of(inner);
            }
        }
        return Optional.ofNullable(values.get(name));
    }
}
