package org.opencentral.api;

import java.time.Clock;
import java.util.Objects;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.telemetry.RawMessages;
import org.opencentral.platform.twin.TwinService;

/**
 * The platform services the REST API calls, built by the composition root. Without
 * {@code provisioning} the enrollment-group and attestation routes are not installed; without
 * {@code templates} the device-template routes, and devices are read without a model; without
 * {@code telemetry} the telemetry history routes; without {@code relationships} the device
 * relationship routes; without {@code rawData} the device raw-data route; without {@code groups} the
 * device group routes; without {@code jobs} the job routes.
 */
public record ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
        CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
        java.util.Optional<org.opencentral.api.provisioning.ProvisioningServices> provisioning,
        java.util.Optional<org.opencentral.api.templates.TemplateServices> templates,
        java.util.Optional<TelemetryStore> telemetry,
        java.util.Optional<org.opencentral.platform.relationship.RelationshipService> relationships,
        java.util.Optional<RawMessages> rawData,
        java.util.Optional<org.opencentral.platform.group.DeviceGroupService> groups,
        java.util.Optional<org.opencentral.platform.job.Jobs> jobs) {
    public ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
            CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
            java.util.Optional<org.opencentral.api.provisioning.ProvisioningServices> provisioning,
            java.util.Optional<org.opencentral.api.templates.TemplateServices> templates,
            java.util.Optional<TelemetryStore> telemetry,
            java.util.Optional<org.opencentral.platform.relationship.RelationshipService> relationships,
            java.util.Optional<RawMessages> rawData,
            java.util.Optional<org.opencentral.platform.group.DeviceGroupService> groups) {
        this(devices, twins, commands, messages, lastValues, security, clock, provisioning, templates, telemetry,
                relationships, rawData, groups, java.util.Optional.empty());
    }

    /** These services with the job feature (the job and scheduled job routes). */
    public ApiServices withJobs(org.opencentral.platform.job.Jobs service) {
        return new ApiServices(devices, twins, commands, messages, lastValues, security, clock, provisioning,
                templates, telemetry, relationships, rawData, groups, java.util.Optional.of(service));
    }

    public ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
            CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
            java.util.Optional<org.opencentral.api.provisioning.ProvisioningServices> provisioning,
            java.util.Optional<org.opencentral.api.templates.TemplateServices> templates,
            java.util.Optional<TelemetryStore> telemetry,
            java.util.Optional<org.opencentral.platform.relationship.RelationshipService> relationships,
            java.util.Optional<RawMessages> rawData) {
        this(devices, twins, commands, messages, lastValues, security, clock, provisioning, templates, telemetry,
                relationships, rawData, java.util.Optional.empty());
    }

    /** These services with the device group routes' service. */
    public ApiServices withGroups(org.opencentral.platform.group.DeviceGroupService service) {
        return new ApiServices(devices, twins, commands, messages, lastValues, security, clock, provisioning,
                templates, telemetry, relationships, rawData, java.util.Optional.of(service), jobs);
    }

    public ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
            CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
            java.util.Optional<org.opencentral.api.provisioning.ProvisioningServices> provisioning,
            java.util.Optional<org.opencentral.api.templates.TemplateServices> templates,
            java.util.Optional<TelemetryStore> telemetry,
            java.util.Optional<org.opencentral.platform.relationship.RelationshipService> relationships) {
        this(devices, twins, commands, messages, lastValues, security, clock, provisioning, templates, telemetry,
                relationships, java.util.Optional.empty());
    }

    public ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
            CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
            java.util.Optional<org.opencentral.api.provisioning.ProvisioningServices> provisioning,
            java.util.Optional<org.opencentral.api.templates.TemplateServices> templates,
            java.util.Optional<TelemetryStore> telemetry) {
        this(devices, twins, commands, messages, lastValues, security, clock, provisioning, templates, telemetry,
                java.util.Optional.empty());
    }

    /** These services with the raw-data route's reader of the event log (an OpenCentral extension). */
    public ApiServices withRawData(RawMessages reader) {
        return new ApiServices(devices, twins, commands, messages, lastValues, security, clock, provisioning,
                templates, telemetry, relationships, java.util.Optional.of(reader), groups, jobs);
    }

    /** These services with the device relationship routes' service. */
    public ApiServices withRelationships(org.opencentral.platform.relationship.RelationshipService service) {
        return new ApiServices(devices, twins, commands, messages, lastValues, security, clock, provisioning,
                templates, telemetry, java.util.Optional.of(service), rawData, groups, jobs);
    }

    public ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
            CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
            java.util.Optional<org.opencentral.api.provisioning.ProvisioningServices> provisioning,
            java.util.Optional<org.opencentral.api.templates.TemplateServices> templates) {
        this(devices, twins, commands, messages, lastValues, security, clock, provisioning, templates,
                java.util.Optional.empty());
    }

    public ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
            CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock,
            java.util.Optional<org.opencentral.api.provisioning.ProvisioningServices> provisioning) {
        this(devices, twins, commands, messages, lastValues, security, clock, provisioning, java.util.Optional.empty());
    }

    /** These services with the device-template routes' services. */
    public ApiServices withTemplates(org.opencentral.api.templates.TemplateServices services) {
        return new ApiServices(devices, twins, commands, messages, lastValues, security, clock, provisioning,
                java.util.Optional.of(services), telemetry, relationships, rawData, groups, jobs);
    }

    /** These services with the telemetry history routes' store (an OpenCentral extension). */
    public ApiServices withTelemetry(TelemetryStore store) {
        return new ApiServices(devices, twins, commands, messages, lastValues, security, clock, provisioning,
                templates, java.util.Optional.of(store), relationships, rawData, groups, jobs);
    }

    public ApiServices(DeviceRegistry devices, TwinService twins, CommandService commands,
            CloudToDeviceService messages, LastValueStore lastValues, SecurityServices security, Clock clock) {
        this(devices, twins, commands, messages, lastValues, security, clock, java.util.Optional.empty());
    }

    /** These services with the provisioning routes' services. */
    public ApiServices withProvisioning(org.opencentral.api.provisioning.ProvisioningServices services) {
        return new ApiServices(devices, twins, commands, messages, lastValues, security, clock,
                java.util.Optional.of(services), templates, telemetry, relationships, rawData, groups, jobs);
    }

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
        Objects.requireNonNull(jobs, "jobs");
    }
}
