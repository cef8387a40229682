package org.opencentral.api.templates;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.TelemetryIssueStore;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TemplateModel;
import org.opencentral.platform.template.TemplateService;

/** What the template routes and the template-aware device routes need. */
public record TemplateServices(TemplateService templates, CloudProperties cloudProperties,
        TelemetryIssueStore telemetryIssues) {
    public TemplateServices {
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(cloudProperties, "cloudProperties");
        Objects.requireNonNull(telemetryIssues, "telemetryIssues");
    }

    /** The template and model of a device, if it is assigned one. */
    public Optional<TemplateModel> modelOf(DeviceRegistry devices, DeviceId id) {
        return templates.of(devices.get(id));
    }
}
