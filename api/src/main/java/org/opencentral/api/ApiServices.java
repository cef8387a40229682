package org.opencentral.api;

import java.time.Clock;
import java.util.Objects;
import org.opencentral.api.provisioning.ProvisioningServices;
import org.opencentral.api.templates.TemplateServices;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.assembly.Platform;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.dashboard.Dashboards;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.export.ExportService;
import org.opencentral.platform.file.FileUploads;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.job.Jobs;
import org.opencentral.platform.relationship.RelationshipService;
import org.opencentral.platform.rules.RuleService;
import org.opencentral.platform.security.SecurityServices;
import org.opencentral.platform.telemetry.RawMessages;
import org.opencentral.platform.twin.TwinService;

/**
 * The platform services the REST API calls, taken from the one assembly of the platform
 * ({@link #of(Platform)}).
 */
public record ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
        CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
        ProvisioningServices provisioning, TemplateServices templates, TelemetryStore telemetry,
        RelationshipService relationships, RawMessages rawData, DeviceGroupService groups, RuleService rules,
        ExportService exports, Jobs jobs, Dashboards dashboards, FileUploads files) {

    public ApiServices {
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(twins, "twins");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(lastValues, "lastValues");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(provisioning, "provisioning");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(telemetry, "telemetry");
        Objects.requireNonNull(relationships, "relationships");
        Objects.requireNonNull(rawData, "rawData");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(exports, "exports");
        Objects.requireNonNull(jobs, "jobs");
        Objects.requireNonNull(dashboards, "dashboards");
        Objects.requireNonNull(files, "files");
    }

    /** The REST API's services, over the platform's. */
    public static ApiServices of(Platform platform) {
        var provisioning = platform.provisioning();
        var templates = platform.templates();
        return new ApiServices(platform.devices(), platform.twins(), platform.commands(), platform.cloudToDevice(),
                platform.state().lastValues(), platform.security(), platform.clock(),
                new ProvisioningServices(provisioning.groups(), provisioning.signingCertificates(),
                        provisioning.attestations()),
                new TemplateServices(templates.service(), templates.cloudProperties(),
                        platform.state().telemetryIssues()),
                platform.telemetry(), platform.relationships(), platform.rawData(), platform.groups(),
                platform.rules(), platform.exports(), platform.jobs(), platform.dashboards(), platform.files());
    }
}
