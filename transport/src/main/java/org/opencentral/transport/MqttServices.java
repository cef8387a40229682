package org.opencentral.transport;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceAuthenticator;
import org.opencentral.platform.file.FileUploads;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.provisioning.CertificateAuthenticator;
import org.opencentral.platform.provisioning.ProvisioningService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.twin.TwinService;

/**
 * The platform services the MQTT endpoint calls. Without {@code provisioning} DPS connections are
 * refused; without {@code certificates} X.509 device authentication is. {@code files} serves file
 * uploads (refused when it has no folder).
 */
public record MqttServices(DeviceAuthenticator authenticator, IngestService ingest, TwinService twins,
        CommandService commands, CloudToDeviceService cloudToDevice, DeviceSessions sessions,
        Optional<ProvisioningService> provisioning, Optional<CertificateAuthenticator> certificates,
        FileUploads files) {
    public MqttServices {
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(ingest, "ingest");
        Objects.requireNonNull(twins, "twins");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(cloudToDevice, "cloudToDevice");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(files, "files");
    }

    /** The IoT Hub endpoint and DPS over the platform's services. */
    public static MqttServices of(Platform platform) {
        return new MqttServices(platform.authenticator(), platform.ingest(), platform.twins(), platform.commands(),
                platform.cloudToDevice(), platform.sessions(), Optional.of(platform.provisioning().dps()),
                Optional.of(platform.provisioning().certificates()), platform.files());
    }
}
