package org.opencentral.server.runtime;

import java.time.Clock;
import org.opencentral.platform.template.TemplateAssignment;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.transport.ConnectionListener;

/**
 * Records device connections in the registry (state, announced model id) with their event, in one
 * transaction (the outbox, from where the event reaches the log), and assigns a device the template of
 * the model it announces (Plug and Play).
 */
final class ConnectionRecorder implements ConnectionListener {
    private final DeviceStore devices;
    private final OutboxStore outbox;
    private final Clock clock;
    private final TemplateAssignment templates;

    ConnectionRecorder(DeviceStore devices, OutboxStore outbox, Clock clock, TemplateAssignment templates) {
        this.devices = devices;
        this.outbox = outbox;
        this.clock = clock;
        this.templates = templates;
    }

    @Override
    public void connected(DeviceId deviceId, Optional<String> modelId) {
        var now = clock.instant();
        outbox.run(events -> {
            devices.recordConnection(deviceId, true, now, modelId);
            events.record(new DeviceConnected(deviceId, now));
        });
        templates.onConnected(deviceId, modelId);
    }

    @Override
    public void disconnected(DeviceId deviceId, String reason) {
        var now = clock.instant();
        outbox.run(events -> {
            devices.recordConnection(deviceId, false, now, Optional.empty());
            events.record(new DeviceDisconnected(deviceId, now, reason));
        });
    }
}
