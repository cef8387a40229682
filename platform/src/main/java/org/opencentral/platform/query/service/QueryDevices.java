package org.opencentral.platform.query.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.Op;
import org.opencentral.core.store.DeviceField;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.Page;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.query.QueryFilter;

/** The devices of a template in the caller's organizations that pass the metadata conditions, by id. */
final class QueryDevices {
    private final DeviceRegistry registry;

    QueryDevices(DeviceRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    ResolvedDevices resolve(String templateId, AccessScope scope, List<QueryFilter> metadataConditions) {
        List<Device> devices = new ArrayList<>();
        DeviceListQuery ofTemplate = DeviceListQuery.matching(new org.opencentral.core.filter.ListFilter.Compare<>(
                DeviceField.TEMPLATE, Op.EQ, new ListLiteral.Text(templateId)), DeviceRegistry.MAX_PAGE);
        DeviceListQuery query = scope.everywhere() ? ofTemplate : ofTemplate.inOrganizations(scope.organizations());
        Optional<String> after = Optional.empty();
        do {
            Page<Device> page = registry.list(query.after(after));
            for (Device device : page.items()) {
                if (metadataConditions.stream().allMatch(f -> MetadataFilter.test(f, device))) {
                    devices.add(device);
                }
            }
            after = page.next();
        } while (after.isPresent());
        return new ResolvedDevices(devices);
    }
}
