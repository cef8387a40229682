package org.opencentral.platform.session;

import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/**
 * Told by the transport when a device's MQTT connection is accepted and when it ends, so that the
 * platform records the connection state, the announced model id and the event
 * ({@link org.opencentral.platform.device.ConnectionRecorder}).
 * Calls run on virtual threads and may block; for one device they arrive in order (a replaced
 * connection's {@code disconnected} comes before the new one's {@code connected}). Exceptions are
 * logged and otherwise ignored.
 */
public interface ConnectionListener {
    /** Does nothing; for tests and tools that do not track connections. */
    ConnectionListener NONE = new ConnectionListener() {
        @Override
        public void connected(DeviceId deviceId, Optional<String> modelId) {
        }

        @Override
        public void disconnected(DeviceId deviceId, String reason) {
        }
    };

    /** The device's CONNECT was accepted; {@code modelId} is the {@code model-id} of its username. */
    void connected(DeviceId deviceId, Optional<String> modelId);

    /** The device's connection ended, for {@code reason} (e.g. "client disconnect", "keep-alive timeout"). */
    void disconnected(DeviceId deviceId, String reason);
}
