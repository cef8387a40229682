package org.opencentral.transport.internal;

import java.util.concurrent.Executor;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.ConnectionListener;
import org.opencentral.transport.MqttLimits;
import org.opencentral.transport.MqttServices;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.session.DurableAcks;

/**
 * What every connection shares: the platform services, the executor for blocking calls (virtual
 * threads), the per-device ordered lane for connection events, limits, metrics and the event loops'
 * acknowledgement hand-offs.
 */
public record TransportContext(MqttServices services, Executor blocking, ConnectionEvents connectionEvents,
        MqttLimits limits, MqttMetrics metrics, DurableAcks.PerLoop acks) {

    public TransportContext(MqttServices services, Executor blocking, ConnectionEvents connectionEvents,
            MqttLimits limits, MqttMetrics metrics) {
        this(services, blocking, connectionEvents, limits, metrics, new DurableAcks.PerLoop());
    }

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
