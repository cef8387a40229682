package org.opencentral.platform.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.JobData;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Property;
import org.opencentral.dtdl.value.SchemaValidator;
import org.opencentral.platform.command.CommandCall;
import org.opencentral.platform.command.CommandService;
import org.opencentral.platform.device.DeviceChanges;
import org.opencentral.platform.device.DeviceRegistry;
import org.opencentral.platform.template.CloudProperties;
import org.opencentral.platform.template.TemplateService;
import org.opencentral.platform.twin.TwinService;

/**
 * Applies one job data item to one device through the services the REST API uses: a writable
 * property is a desired-property patch (complete once stored; the device acknowledges it later), a
 * cloud property is written as the properties API writes it, a command is a direct method, a
 * migration changes the device's template. A device that cannot take the step throws a
 * {@link DomainException} whose message is the device's failure reason.
 */
public final class JobSteps {
    /** The services the steps go through. */
    public record Services(DeviceRegistry devices, TwinService twins, CloudProperties cloudProperties,
            CommandService commands, TemplateService templates) {
    }

    private final Services services;
    private final JobSettings settings;

    public JobSteps(Services services, JobSettings settings) {
        this.services = services;
        this.settings = settings;
    }

    /** Applies {@code data} to {@code id}, on behalf of {@code actor}. */
    public void apply(DeviceId id, JobData data, String actor) {
        Device device = services.devices().find(id).orElseThrow(() -> failure("device not found"));
        switch (data) {
            case JobData.Property p -> property(device, p);
            case JobData.CloudProperty p -> cloudProperty(device, p);
            case JobData.Command c -> command(device, c, actor);
            case JobData.TemplateMigration m -> services.devices().update(id,
                    new DeviceChanges(Optional.empty(), Optional.of(m.template()), Optional.empty(), Optional.empty()),
                    Optional.empty());
        }
    }

    private void property(Device device, JobData.Property data) {
        Optional<String> component = JobData.componentOf(data.path());
        String name = JobData.nameOf(data.path());
        Property property = model(device, data.target()).property(component, name)
                .filter(p -> p.writable() && !p.iotc().cloud())
                .orElseThrow(() -> failure("'" + data.path() + "' is not a writable property of " + data.target()));
        SchemaValidator.validate(property.schema(), data.value()).stream().findFirst().ifPresent(e -> {
            throw failure("invalid value for '" + data.path() + "': " + e.message());
        });
        ObjectNode patch = Json.object();
        component.ifPresentOrElse(c -> patch.putObject(c).put("__t", "c").set(name, data.value()),
                () -> patch.set(name, data.value()));
        services.twins().patchDesired(device.id(), patch);
    }

    private void cloudProperty(Device device, JobData.CloudProperty data) {
        Optional<String> component = JobData.componentOf(data.path());
        String name = JobData.nameOf(data.path());
        DeviceModel model = model(device, data.target());
        if (!CloudProperties.isCloudProperty(model, component, name)) {
            throw failure("'" + data.path() + "' is not a cloud property of " + data.target());
        }
        ObjectNode members = Json.object();
        members.set(name, data.value());
        services.cloudProperties().write(device.id(), model, component, members, "/value");
    }

    private void command(Device device, JobData.Command data, String actor) {
        Optional<String> component = JobData.componentOf(data.path());
        String name = JobData.nameOf(data.path());
        if (model(device, data.target()).command(component, name).isEmpty()) {
            throw failure("'" + data.path() + "' is not a command of " + data.target());
        }
        try {
            CommandOutcome outcome = services.commands().run(new CommandCall(device.id(),
                    component.map(c -> c + "*" + name).orElse(name), data.value(),
                    data.connectionTimeout(), settings.commandResponseTimeout(), actor)).outcome();
            switch (outcome) {
                case CommandOutcome.Answered answered when answered.status() >= 300 ->
                        throw failure("the device answered status " + answered.status());
                case CommandOutcome.Answered answered -> { }
                case CommandOutcome.NotConnected n -> throw failure("device offline");
                case CommandOutcome.TimedOut t -> throw failure("the device did not answer within "
                        + settings.commandResponseTimeout() + " s");
            }
        } catch (DomainException e) {
            if (e.code() == ErrorCode.DEVICE_NOT_CONNECTED) {
                throw failure("device offline");
            }
            throw e;
        }
    }

    /** The device's model, if the device uses the job's target template. */
    private DeviceModel model(Device device, String target) {
        if (!device.template().filter(target::equals).isPresent()) {
            throw failure("the device does not use template " + target);
        }
        return services.templates().of(device).orElseThrow(() -> failure("template " + target + " does not exist"))
                .model();
    }

    private static DomainException failure(String reason) {
        return new DomainException(ErrorCode.BAD_REQUEST, reason);
    }
}
