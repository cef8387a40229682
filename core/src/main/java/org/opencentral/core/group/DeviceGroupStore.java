package org.opencentral.core.group;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.Page;

/**
 * Saved device groups, and membership answered in the database at the time of the call (no
 * membership is stored, so a device that starts to match is a member at the next read). Where an
 * {@code organizations} scope is present, only groups (or devices) of those organizations count;
 * groups and devices of the application root then never do.
 */
public interface DeviceGroupStore {
    /** The most groups one {@link #groupsOf} call evaluates. */
    int MAX_GROUPS_PER_CHECK = 1000;

    Optional<DeviceGroup> find(String id);

    /** One page of groups by id, after the group id {@code after}. */
    Page<DeviceGroup> list(Optional<Set<String>> organizations, Optional<String> after, int limit);

    /** Inserts a new group with a fresh etag; CONFLICT if the id exists. */
    DeviceGroup insert(DeviceGroup group);

    /**
     * Replaces a group if its stored etag equals {@code expectedEtag} (a fresh etag is stored);
     * PRECONDITION_FAILED otherwise, NOT_FOUND if it does not exist.
     */
    DeviceGroup update(DeviceGroup group, String expectedEtag);

    /** Deletes a group; false if there was none. */
    boolean delete(String id);

    /** One page of the devices passing {@code filter}, by id, after the device id {@code after}. */
    Page<Device> members(MemberFilter filter, Optional<Set<String>> organizations, Optional<String> after,
            int limit);

    /** How many devices pass {@code filter}. */
    long count(MemberFilter filter, Optional<Set<String>> organizations);

    /** Whether {@code device} passes {@code filter}: one indexed lookup. */
    boolean contains(MemberFilter filter, DeviceId device);

    /**
     * The keys of {@code filters} whose filter {@code device} passes, in one statement (at most
     * {@value #MAX_GROUPS_PER_CHECK} filters).
     */
    Set<String> groupsOf(DeviceId device, Map<String, MemberFilter> filters);
}
