package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.template.CloudPropertyValue;
import org.opencentral.core.template.DeviceTemplate;

/**
 * {@link DeviceFacts} read from the state store: the device's record and its template's display
 * name at once, its property values (reported properties and cloud property values, components as
 * nested objects marked {@code __t: c}, and the template's capability ids) only when asked for.
 */
public final class StoredDeviceFacts {
    private final StateStore state;

    public StoredDeviceFacts(StateStore state) {
        this.state = java.util.Objects.requireNonNull(state, "state");
    }

    /** The facts of device {@code id} as stored now (no device when it is not registered). */
    public DeviceFacts of(DeviceId id) {
        return of(state.devices().find(id));
    }

    /** The facts of {@code device} (a record read from the store, or none). */
    public DeviceFacts of(Optional<Device> device) {
        Optional<DeviceTemplate> template = device.flatMap(Device::template).flatMap(state.templates()::find);
        return new DeviceFacts(device, template.map(DeviceTemplate::displayName), () -> device
                .map(d -> properties(d.id(), template)).orElse(DeviceProperties.NONE));
    }

    private DeviceProperties properties(DeviceId id, Optional<DeviceTemplate> template) {
        ObjectNode reported = state.twins().find(id).map(t -> t.reported().properties()).orElseGet(Json::object);
        ObjectNode cloud = Json.object();
        for (CloudPropertyValue value : state.cloudProperties().list(id)) {
            ObjectNode target = value.component().isEmpty() ? cloud
                    : cloud.withObjectProperty(value.component()).put("__t", "c");
            target.set(value.name(), value.value());
        }
        return new DeviceProperties(reported, cloud,
                template.map(t -> CapabilityIds.of(t.capabilityModel())).orElseGet(Map::of));
    }
}
