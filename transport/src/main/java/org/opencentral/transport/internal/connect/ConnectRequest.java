package org.opencentral.transport.internal.connect;

import java.time.Duration;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/** A CONNECT that passed validation and awaits authentication. The password is never printed. */
public record ConnectRequest(DeviceId deviceId, ConnectUsername username, String password, int keepAliveSeconds,
        boolean cleanSession) implements ConnectValidation.Validated {
    public ConnectRequest {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    /** 1.5 × the client's keep-alive, at most {@code cap}; zero when the client asked for none. */
    public Duration keepAliveTimeout(Duration cap) {
        if (keepAliveSeconds <= 0) {
            return Duration.ZERO;
        }
        Duration timeout = Duration.ofMillis(keepAliveSeconds * 1500L);
        return timeout.compareTo(cap) > 0 ? cap : timeout;
    }

    @Override
    public String toString() {
        return "ConnectRequest[" + deviceId + ", keepAlive=" + keepAliveSeconds + "s, cleanSession=" + cleanSession + "]";
    }
}
