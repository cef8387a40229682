package org.opencentral.compat;

import com.microsoft.azure.sdk.iot.provisioning.device.AdditionalData;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClient;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientRegistrationResult;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientStatus;
import com.microsoft.azure.sdk.iot.provisioning.device.ProvisioningDeviceClientTransportProtocol;
import com.microsoft.azure.sdk.iot.provisioning.security.SecurityProvider;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.opencentral.testkit.TestPlatform;

/**
 * One registration by the unmodified provisioning client, and how it ended.
 *
 * <p>The wait is long on purpose. The client (provisioning-device-client, {@code ContractAPIMqtt})
 * publishes a request and only then starts waiting on a monitor for the response, up to 60 s; a
 * response that arrives before the wait began notifies nobody, and the client sits out the 60 s
 * before it finds the response in its queue. Our server answers within milliseconds, so that
 * happens often on a busy machine. A registration is a register and one or two status requests.
 */
record DpsRegistration(ProvisioningDeviceClientRegistrationResult result, ProvisioningDeviceClientStatus status,
        String error) {

    boolean assigned() {
        return status == ProvisioningDeviceClientStatus.PROVISIONING_DEVICE_STATUS_ASSIGNED && error.isEmpty();
    }

    /** The longest a registration is waited for: two of the client's 60 s stalls and the work. */
    static final Duration WAIT = Duration.ofSeconds(150);

    /** Registers over MQTT (port 8883) with {@code security} at our host, sending {@code payload} (JSON). */
    static DpsRegistration attempt(String idScope, SecurityProvider security, String payload) throws Exception {
        return attempt(idScope, security, payload, ProvisioningDeviceClientTransportProtocol.MQTT);
    }

    /** The same over {@code protocol} (MQTT on 8883, or HTTPS on 443). */
    static DpsRegistration attempt(String idScope, SecurityProvider security, String payload,
            ProvisioningDeviceClientTransportProtocol protocol) throws Exception {
        ProvisioningDeviceClient client = ProvisioningDeviceClient.create(TestPlatform.HOST, idScope, protocol,
                security);
        CompletableFuture<DpsRegistration> done = new CompletableFuture<>();
        try {
            AdditionalData data = new AdditionalData();
            data.setProvisioningPayload(payload);
            client.registerDevice((result, error, context) -> done.complete(new DpsRegistration(result,
                    result == null ? null : result.getProvisioningDeviceClientStatus(),
                    error == null ? "" : String.valueOf(error))), null, data);
            return done.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
