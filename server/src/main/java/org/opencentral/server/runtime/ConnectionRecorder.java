package org.opencentral.server.runtime;

import java.time.Clock;
import org.opencentral.platform.template.TemplateAssignment;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.transport.ConnectionListener;

/**
 * Records device connections in the registry (state, announced model id) and in the event log, and
 * assigns a device the template of the model it announces (Plug and Play).
 */
final class ConnectionRecorder implements ConnectionListener {
    private final DeviceStore devices;
    private final EventLog log;
    private final Clock clock;
    private final TemplateAssignment templates;

    ConnectionRecorder(DeviceStore devices, EventLog log, Clock clock, TemplateAssignment templates) {
        this.devices = devices;
        this.log = log;
        this.clock = clock;
        this.templates = templates;
    }

    @Override
    public void connected(DeviceId deviceId, Optional<String> modelId) {
        var now = clock.instant();
        devices.recordConnection(deviceId, true, now, modelId);
        log.append(new DeviceConnected(deviceId, now));
        templates.onConnected(deviceId, modelId);
    }

    @Override
    public void disconnected(DeviceId deviceId, String reason) {
        var now = clock.instant();
        devices.recordConnection(deviceId, false, now, Optional.empty());
        log.append(new DeviceDisconnected(deviceId, now, reason));
    }
}
