package org.opencentral.transport;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.store.DeviceStore;

/** What the composition root does with connection events (store + event log), plus a record for assertions. */
final class RecordingConnectionListener implements ConnectionListener {
    private final DeviceStore devices;
    private final EventLog log;
    private final Clock clock;
    private final List<String> events = new CopyOnWriteArrayList<>();

    RecordingConnectionListener(DeviceStore devices, EventLog log, Clock clock) {
        this.devices = devices;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void connected(DeviceId deviceId, Optional<String> modelId) {
        events.add("connected " + deviceId);
        devices.recordConnection(deviceId, true, clock.instant(), modelId);
        log.append(new DeviceConnected(deviceId, clock.instant())).join();
    }

    @Override
    public void disconnected(DeviceId deviceId, String reason) {
        events.add("disconnected " + deviceId + ": " + reason);
        devices.recordConnection(deviceId, false, clock.instant(), Optional.empty());
        log.append(new DeviceDisconnected(deviceId, clock.instant(), reason)).join();
    }

    List<String> eventsOf(DeviceId id) {
        return events.stream().filter(e -> e.contains(" " + id.value())).toList();
    }
}
