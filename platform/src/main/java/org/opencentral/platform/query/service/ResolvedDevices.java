package org.opencentral.platform.query.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.platform.query.QueryFilter;
import org.opencentral.platform.query.plan.DeviceSet;

/** A resolved device set: the devices by id, in id order. */
final class ResolvedDevices implements DeviceSet {
    private final Map<String, Device> devices = new LinkedHashMap<>();

    ResolvedDevices(List<Device> devices) {
        devices.forEach(d -> this.devices.put(d.id().value(), d));
    }

    @Override
    public List<String> ids() {
        return List.copyOf(devices.keySet());
    }

    @Override
    public List<String> passing(QueryFilter condition) {
        return devices.values().stream().filter(d -> MetadataFilter.test(condition, d)).map(d -> d.id().value())
                .toList();
    }

    List<Device> all() {
        return List.copyOf(devices.values());
    }

    Optional<Device> find(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    boolean isEmpty() {
        return devices.isEmpty();
    }
}
