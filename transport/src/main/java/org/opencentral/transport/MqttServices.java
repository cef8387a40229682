package org.opencentral.transport;

import java.util.Objects;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceAuthenticator;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.twin.TwinService;

/** The platform services the MQTT endpoint calls. */
public record MqttServices(DeviceAuthenticator authenticator, IngestService ingest, TwinService twins,
        CommandService commands, CloudToDeviceService cloudToDevice, DeviceSessions sessions) {
    public MqttServices {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(twins, "twins");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(cloudToDevice, "cloudToDevice");
        Objects.requireNonNull(sessions, "sessions");
    }
}
