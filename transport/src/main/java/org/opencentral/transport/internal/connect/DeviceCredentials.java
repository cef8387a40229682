package org.opencentral.transport.internal.connect;

import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.device.DeviceAuthentication;
import org.opencentral.platform.provisioning.CertificateChain;
import org.opencentral.transport.MqttServices;

/**
 * How a device proves who it is, the same over MQTT and HTTPS: a SAS token when it sends one, else
 * the TLS client certificate it presented (X.509, when the platform judges certificates).
 * Blocking: call on the blocking executor.
 */
public final class DeviceCredentials {
    private DeviceCredentials() {
    }

    public static DeviceAuthentication authenticate(MqttServices services, DeviceId id, Optional<String> sasToken,
            Optional<CertificateChain> chain) {
        if (sasToken.isPresent()) {
            return services.authenticator().authenticate(id, sasToken.get());
        }
        if (chain.isEmpty() || services.certificates().isEmpty()) {
            return new DeviceAuthentication.Refused(DeviceAuthentication.Reason.BAD_CREDENTIALS,
                    "neither a SAS token nor a client certificate");
        }
        return services.certificates().get().authenticate(id, chain.get());
    }
}
