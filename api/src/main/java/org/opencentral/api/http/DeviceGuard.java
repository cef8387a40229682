package org.opencentral.api.http;

import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.security.Permission;

/**
 * Organization isolation for routes under {@code /api/devices/{deviceId}}: a device outside the
 * caller's scope for the route's permission answers exactly like a device that does not exist (404,
 * same message), so a scoped caller cannot even learn that it exists.
 */
public final class DeviceGuard {
    private final DeviceRegistry devices;

    public DeviceGuard(DeviceRegistry devices) {
        this.devices = devices;
    }

    void check(ApiCall call, Permission permission) {
        if (call.principal().holdsEverywhere(permission)) {
            return;
        }
        DeviceId id = call.deviceId();
        java.util.Optional<Device> device = devices.find(id);
        if (device.isEmpty()) {
            return;
        }
        AccessScope scope = call.scope(permission);
        if (!scope.covers(device.get().organization())) {
            throw DomainException.notFound("device '" + id + "'");
        }
    }
}
