package org.opencentral.api.credentials;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;
import org.opencentral.api.http.ApiCall;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceRegistry;

/**
 * Device credentials: 200 {@code {"idScope", "symmetricKey": {"primaryKey","secondaryKey"}}} plus
 * {@code "x509": {"clientCertificates": …}} when the device attests with its own certificate; 404 if absent.
 */
public final class CredentialHandlers {
    private final DeviceRegistry devices;
    private final String idScope;
    private final Function<DeviceId, Optional<ObjectNode>> x509;

    /** {@code x509}: the device's X.509 attestation as DeviceCredentials.x509, if it has one. */
    public CredentialHandlers(DeviceRegistry devices, String idScope, Function<DeviceId, Optional<ObjectNode>> x509) {
        this.devices = devices;
        this.idScope = idScope;
        this.x509 = x509;
    }

    public void get(ApiCall call) {
        Device device = devices.get(call.deviceId());
        ObjectNode body = Json.object();
        body.put("idScope", idScope);
        ObjectNode keys = body.putObject("symmetricKey");
        keys.put("primaryKey", device.keys().primaryKey());
        keys.put("secondaryKey", device.keys().secondaryKey());
        x509.apply(device.id()).ifPresent(certificates -> body.set("x509", certificates));
        call.json(200, body);
    }
}
