package org.opencentral.compat;

import com.microsoft.azure.sdk.iot.provisioning.device.AdditionalData;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClient;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientRegistrationResult;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientStatus;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientTransportProtocol;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.opencentral.server.testkit.TestPlatform;

/** One registration by the unmodified provisioning client over MQTT (port 8883), and how it ended. */
record DpsRegistration(ProvisioningDeviceClientRegistrationResult result, ProvisioningDeviceClientStatus status,
        String error) {

    boolean assigned() {
        return status == ProvisioningDeviceClientStatus.PROVISIONING_DEVICE_STATUS_ASSIGNED && error.isEmpty();
    }

    /** Registers with {@code security} at our host, sending {@code payload} (JSON) as the provisioning payload. */
    static DpsRegistration attempt(String idScope, SecurityProvider security, String payload) throws Exception {
        ProvisioningDeviceClient client = ProvisioningDeviceClient.create(TestPlatform.HOST, idScope,
                ProvisioningDeviceClientTransportProtocol.MQTT, security);
        CompletableFuture<DpsRegistration> done = new CompletableFuture<>();
        try {
            AdditionalData data = new AdditionalData();
            data.setProvisioningPayload(payload);
            client.registerDevice((result, error, context) -> done.complete(new DpsRegistration(result,
                    result == null ? null : result.getProvisioningDeviceClientStatus(),
                    error == null ? "" : String.valueOf(error))), null, data);
            return done.get(40, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
