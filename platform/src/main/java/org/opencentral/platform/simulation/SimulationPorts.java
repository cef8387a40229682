package org.opencentral.platform.simulation;

import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.ingest.IngestService;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;

/** The platform services a simulated device uses: the same ones a real device's transport uses. */
public record SimulationPorts(DeviceRegistry devices, TemplateService templates, DeviceSessions sessions,
        IngestService ingest, TwinService twins, CommandService commands, CloudToDeviceService cloudToDevice) {
}
