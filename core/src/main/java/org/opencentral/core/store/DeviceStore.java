package org.opencentral.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SasCredentials;

/** The device registry. Deleting a device deletes its twin, queued C2D messages and last values. */
public interface DeviceStore {
    Optional<Device> find(DeviceId id);

    /**
     * The device's keys and whether it is enabled, as committed now: {@link #find} narrowed to what a
     * SAS check reads at every CONNECT.
     */
    Optional<SasCredentials> credentials(DeviceId id);

    /** Whether the device is registered: {@link #find} without reading (and decrypting) its record. */
    boolean exists(DeviceId id);

    /** Inserts a new device together with its empty twin; CONFLICT if the id exists. */
    Device insert(Device device);

    /**
     * Replaces a device's registry record if its stored etag equals {@code expectedEtag};
     * PRECONDITION_FAILED otherwise, NOT_FOUND if it does not exist. Connection state is not
     * written by this call (see {@link #recordConnection}).
     */
    Device update(Device device, String expectedEtag);

    /** Deletes a device; false if there was none. */
    boolean delete(DeviceId id);

    /**
     * One page of devices matching the query, in its order (ties by id). Filtering, the
     * organization scope and keyset paging all happen in the query, so pages stay full and the
     * cursor ({@code Page.next}, an encoded {@link DeviceCursor}) stays valid under any order.
     */
    Page<Device> list(DeviceListQuery query);

    /** Whether any device belongs to the organization. */
    boolean anyInOrganization(String organization);

    long count();

    /**
     * Records connects and disconnects in their order, with one statement prepared for all of them (a
     * connect storm's group commit holds up to a thousand). Unknown devices are ignored.
     */
    void recordConnections(List<ConnectionChange> changes);

    /** Records when devices were last heard from, in one batch (called with many ids at a time). */
    void recordActivity(Collection<DeviceId> ids, Instant at);

    /** Marks every device disconnected (used at start-up: no connection survives a restart). */
    void resetConnections();
}
