package org.opencentral.core.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;

/** The device registry. Deleting a device deletes its twin, queued C2D messages and last values. */
public interface DeviceStore {
    Optional<Device> find(DeviceId id);

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

    /** Devices ordered by id, starting after {@code afterId} (exclusive); the page cursor is an id. */
    Page<Device> list(Optional<String> afterId, int limit);

    /**
     * Like {@link #list(Optional, int)}, restricted to devices whose organization is one of
     * {@code organizations} (filtered in the query, so pages stay full and cursors stay valid).
     */
    Page<Device> list(Optional<String> afterId, int limit, java.util.Set<String> organizations);

    /** Whether any device belongs to the organization. */
    boolean anyInOrganization(String organization);

    long count();

    /** Records a connect or disconnect, and the model id the device announced when connecting. */
    void recordConnection(DeviceId id, boolean connected, Instant at, Optional<String> modelId);

    /** Records when devices were last heard from, in one batch (called with many ids at a time). */
    void recordActivity(Collection<DeviceId> ids, Instant at);

    /** Marks every device disconnected (used at start-up: no connection survives a restart). */
    void resetConnections();
}
