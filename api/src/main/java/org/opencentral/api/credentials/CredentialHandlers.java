package org.opencentral.api.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.platform.device.DeviceRegistry;

/** Device credentials: 200 {@code {"idScope", "symmetricKey": {"primaryKey","secondaryKey"}}}, 404 if absent. */
public final class CredentialHandlers {
    private final DeviceRegistry devices;
    private final String idScope;

    public CredentialHandlers(DeviceRegistry devices, String idScope) {
        this.devices = devices;
        this.idScope = idScope;
    }

    public void get(ApiCall call) {
        Device device = devices.get(call.deviceId());
        ObjectNode body = Json.object();
        body.put("idScope", idScope);
        ObjectNode keys = body.putObject("symmetricKey");
        keys.put("primaryKey", device.keys().primaryKey());
        keys.put("secondaryKey", device.keys().secondaryKey());
        call.json(200, body);
    }
}
