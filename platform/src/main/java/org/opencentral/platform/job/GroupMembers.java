package org.opencentral.platform.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.Page;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.organization.AccessScope;

/** A group's members as the job engine fixes them: every member, whatever the job creator's scope. */
public final class GroupMembers implements JobMembers {
    private static final int PAGE = 1000;
    private static final AccessScope ALL = new AccessScope(true, Set.of());
    private final DeviceGroupService groups;

    public GroupMembers(DeviceGroupService groups) {
        this.groups = groups;
    }

    @Override
    public Optional<List<DeviceId>> of(String group) {
        if (groups.find(group, ALL).isEmpty()) {
            return Optional.empty();
        }
        List<DeviceId> devices = new ArrayList<>();
        Optional<String> after = Optional.empty();
        try {
            do {
                Page<Device> page = groups.members(group, ALL, ALL, after, PAGE);
                page.items().forEach(d -> devices.add(d.id()));
                after = page.next();
            } while (after.isPresent());
        } catch (DomainException deletedMeanwhile) {
            return Optional.empty();
        }
        return Optional.of(devices);
    }
}
