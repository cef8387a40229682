package org.opencentral.core.store;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.ListOrdering;

/**
 * One page of a device listing: the devices passing {@code filter} (all when empty) and, when
 * {@code organizations} is present, belonging to one of those organizations; in {@code order} with
 * ties broken by id; starting strictly after {@code after}; at most {@code limit} of them.
 */
public record DeviceListQuery(Optional<ListFilter<DeviceField>> filter, ListOrdering<DeviceField> order,
        Optional<DeviceCursor> after, int limit, Optional<Set<String>> organizations) {
    /** The default order, as IoT Central lists devices. */
    public static final ListOrdering<DeviceField> BY_ID = new ListOrdering<>(DeviceField.ID, ListOrdering.Direction.ASC);

    public DeviceListQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(organizations, "organizations");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (after.isPresent() && !after.get().order().equals(order)) {
            throw new IllegalArgumentException("the cursor was made for order " + after.get().order());
        }
        organizations = organizations.map(Set::copyOf);
    }

    /** The first page of every device, by id. */
    public static DeviceListQuery all(int limit) {
        return new DeviceListQuery(Optional.empty(), BY_ID, Optional.empty(), limit, Optional.empty());
    }

    /** The first page of the devices passing {@code filter}, by id. */
    public static DeviceListQuery matching(ListFilter<DeviceField> filter, int limit) {
        return new DeviceListQuery(Optional.of(filter), BY_ID, Optional.empty(), limit, Optional.empty());
    }

    /** This query continued after the page whose {@code Page.next} was {@code cursor}. */
    public DeviceListQuery after(Optional<String> cursor) {
        return new DeviceListQuery(filter, order, cursor.map(c -> DeviceCursor.decode(c, order)), limit,
                organizations);
    }

    /** This query restricted to devices of {@code scope}. */
    public DeviceListQuery inOrganizations(Set<String> scope) {
        return new DeviceListQuery(filter, order, after, limit, Optional.of(scope));
    }

    public DeviceListQuery orderedBy(ListOrdering<DeviceField> newOrder) {
        return new DeviceListQuery(filter, newOrder, Optional.empty(), limit, organizations);
    }
}
