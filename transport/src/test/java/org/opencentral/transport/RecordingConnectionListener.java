package org.opencentral.transport;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.ConnectionListener;

/** The platform's connection listener, plus a record of the calls the transport made, for assertions. */
final class RecordingConnectionListener implements ConnectionListener {
    private final ConnectionListener platform;
    private final List<String> events = new CopyOnWriteArrayList<>();

    RecordingConnectionListener(ConnectionListener platform) {
        this.platform = platform;
    }

    @Override
    public void connected(DeviceId deviceId, Optional<String> modelId) {
        events.add("connected " + deviceId);
        platform.connected(deviceId, modelId);
    }

    @Override
    public void disconnected(DeviceId deviceId, String reason) {
        events.add("disconnected " + deviceId + ": " + reason);
        platform.disconnected(deviceId, reason);
    }

    List<String> eventsOf(DeviceId id) {
        return events.stream().filter(e -> e.contains(" " + id.value())).toList();
    }
}
