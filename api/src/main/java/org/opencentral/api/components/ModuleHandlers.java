package org.opencentral.api.components;

import org.opencentral.api.http.ApiCall;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * IoT Edge modules: OpenCentral devices have none yet. The list is empty (404 for a missing device);
 * every module-scoped route answers 404 naming the module.
 */
public final class ModuleHandlers {
    private final DeviceRegistry devices;

    public ModuleHandlers(DeviceRegistry devices) {
        this.devices = devices;
    }

    public void list(ApiCall call) {
        devices.get(call.deviceId());
        var body = Json.object();
        body.putArray("value");
        call.json(200, body);
    }

    /** Any route under {@code /modules/{moduleName}}. */
    public void noModule(ApiCall call) {
        devices.get(call.deviceId());
        throw new DomainException(ErrorCode.NOT_FOUND, "device '" + call.deviceId() + "' has no module '"
                + call.pathParam("moduleName") + "'");
    }
}
