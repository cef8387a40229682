package org.opencentral.platform.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.device.Device;
import org.opencentral.core.store.Page;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.organization.AccessScope;

/**
 * The devices a grouped tile shows: the group's members the caller's device scope covers, narrowed
 * to the tile's {@code devices} when it names some; at most {@value #MAX} of them.
 */
final class TileDevices {
    static final int MAX = 10_000;
    private static final int PAGE = 1000;

    private TileDevices() {
    }

    /** The devices' ids, by id; empty when the group does not exist or lies outside the caller's scope. */
    static List<String> of(DeviceGroupService groups, JsonNode configuration, AccessScope groupScope,
            AccessScope deviceScope) {
        String group = configuration.path("group").asText();
        if (groups.find(group, groupScope).isEmpty()) {
            return List.of();
        }
        Set<String> named = new LinkedHashSet<>();
        configuration.path("devices").forEach(d -> named.add(d.asText()));
        List<String> members = new ArrayList<>();
        Optional<String> after = Optional.empty();
        do {
            Page<Device> page = groups.members(group, groupScope, deviceScope, after, PAGE);
            page.items().stream().map(d -> d.id().value()).filter(id -> named.isEmpty() || named.contains(id))
                    .forEach(members::add);
            after = page.next();
        } while (after.isPresent() && members.size() < MAX);
        return members.size() > MAX ? members.subList(0, MAX) : members;
    }

    /** Whether the tile names its devices (a series per device) rather than showing the whole group. */
    static boolean named(JsonNode configuration) {
        return !configuration.path("devices").isEmpty();
    }
}
