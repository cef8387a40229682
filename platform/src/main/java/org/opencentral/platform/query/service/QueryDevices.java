package org.opencentral.platform.query.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.store.Page;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.query.Filter;

/** The devices of a template in the caller's organizations that pass the metadata conditions, by id. */
final class QueryDevices {
    private final DeviceRegistry registry;

    QueryDevices(DeviceRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    ResolvedDevices resolve(String templateId, AccessScope scope, List<Filter> metadataConditions) {
        List<Device> devices = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<Device> page = scope.everywhere() ? registry.list(after, DeviceRegistry.MAX_PAGE)
                    : registry.list(after, DeviceRegistry.MAX_PAGE, scope.organizations());
            for (Device device : page.items()) {
                if (device.template().filter(templateId::equals).isPresent()
                        && metadataConditions.stream().allMatch(f -> MetadataFilter.test(f, device))) {
                    devices.add(device);
                }
            }
            after = page.next();
        } while (after.isPresent());
        return new ResolvedDevices(devices);
    }
}
