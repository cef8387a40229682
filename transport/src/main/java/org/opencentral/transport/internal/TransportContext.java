package org.opencentral.transport.internal;

import java.util.concurrent.Executor;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.ConnectionListener;
import org.opencentral.transport.MqttLimits;
import org.opencentral.transport.MqttServices;
import org.opencentral.transport.internal.metrics.MqttMetrics;

/**
 * What every connection shares: the platform services, the executor for blocking calls (virtual
 * threads), the per-device ordered lane for connection events, limits and metrics.
 */
public record TransportContext(MqttServices services, Executor blocking, ConnectionEvents connectionEvents,
        MqttLimits limits, MqttMetrics metrics) {

    /** Tells the connection listener about connects and disconnects, in order per device. */
    public record ConnectionEvents(ConnectionListener listener, KeyedSerialExecutor<DeviceId> lanes) {
        public void connected(DeviceId id, java.util.Optional<String> modelId) {
            lanes.execute(id, () -> listener.connected(id, modelId));
        }

        public void disconnected(DeviceId id, String reason) {
            lanes.execute(id, () -> listener.disconnected(id, reason));
        }
    }
}
