package org.opencentral.platform.job;

import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/** The devices of a device group now, by id; empty when the group does not exist. */
@FunctionalInterface
public interface JobMembers {
    Optional<List<DeviceId>> of(String group);
}
