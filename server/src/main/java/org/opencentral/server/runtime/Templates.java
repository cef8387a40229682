package org.opencentral.server.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.opencentral.api.templates.TemplateServices;
import org.opencentral.core.store.StateStore;
import org.opencentral.dtdl.FolderModelSource;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TelemetryConformance;
import org.opencentral.platform.template.TemplateAssignment;
import org.opencentral.platform.template.TemplateService;

/**
 * The device-template services: publishing (references resolved from published templates and the
 * configured model folder), Plug and Play assignment, the telemetry conformance consumer and the
 * REST side.
 */
record Templates(TemplateService service, TemplateAssignment assignment, TelemetryConformance conformance,
        TemplateServices api) {

    static Templates create(StateStore state, DeviceRegistry devices, Optional<Path> modelRepo,
            Clock clock, TelemetryParses parses) {
        TemplateService service = new TemplateService(state.templates(), modelRepo.map(FolderModelSource::new),
                state.outbox(), clock);
        return new Templates(service, new TemplateAssignment(service, devices),
                new TelemetryConformance(state.devices(), service, state.telemetryIssues(), parses),
                new TemplateServices(service, new CloudProperties(state.cloudProperties(), state.outbox(), clock),
                        state.telemetryIssues()));
    }
}
