package org.opencentral.platform.rules.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.job.JobData;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.platform.audit.AuditLog;
import org.opencentral.platform.job.JobSteps;

/**
 * Runs a rule's device actions through the services the REST API (and jobs) use, as the rule
 * (actor {@code rule:<id>}): a command as a direct method (an offline device fails at once), a
 * writable property as a desired-property patch, a cloud property as the properties API writes it.
 * Each change that succeeds is audited like the REST call that would have made it; a device that
 * cannot take it is a failure with the reason, never an exception.
 */
public final class DeviceActions {
    private static final String DEVICE = "/api/devices/{deviceId}";

    private final JobSteps steps;
    private final AuditLog audit;

    public DeviceActions(JobSteps steps, AuditLog audit) {
        this.steps = Objects.requireNonNull(steps, "steps");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The actor a rule's changes are audited as. */
    public static String actor(String rule) {
        return "rule:" + rule;
    }

    Delivery run(Rule rule, DeviceId device, RuleAction action) {
        String actor = actor(rule.id());
        try {
            switch (action) {
                case RuleAction.Command c -> {
                    JsonNode request = c.request().orElse(MissingNode.getInstance());
                    steps.apply(device, new JobData.Command(rule.template(), path(c.command()), request, 0), actor);
                    ObjectNode after = Json.object();
                    c.request().ifPresent(r -> after.set("request", r));
                    String route = c.command().component().map(x -> "/components/{componentName}").orElse("")
                            + "/commands/{commandName}";
                    record(actor, "POST " + DEVICE + route, device, component(c.command()) + "/commands/"
                            + c.command().name(), after);
                }
                case RuleAction.Property p -> {
                    steps.apply(device, new JobData.Property(rule.template(), path(p.property()), p.value()), actor);
                    record(actor, "PATCH " + DEVICE + "/properties", device, "/properties", patch(p.property(), p.value()));
                }
                case RuleAction.CloudProperty c -> {
                    steps.apply(device, new JobData.CloudProperty(rule.template(), path(c.cloudProperty()), c.value()),
                            actor);
                    record(actor, "PATCH " + DEVICE + "/properties", device, "/properties", patch(c.cloudProperty(), c.value()));
                }
                case RuleAction.Webhook w -> throw new IllegalArgumentException("a webhook is not a device action");
                case RuleAction.Email e -> throw new IllegalArgumentException("an email is not a device action");
            }
            return new Delivery.Sent();
        } catch (DomainException e) {
            return new Delivery.Failed(e.getMessage());
        }
    }

    /** Audits like the REST route would: the route as the action, the call's path as the target. */
    private void record(String actor, String action, DeviceId device, String path, ObjectNode after) {
        audit.record(actor, action, "/api/devices/" + device.value() + path, Json.object(), after);
    }

    private static ObjectNode patch(Capability capability, JsonNode value) {
        ObjectNode patch = Json.object();
        capability.component().ifPresentOrElse(c -> patch.putObject(c).set(capability.name(), value),
                () -> patch.set(capability.name(), value));
        return patch;
    }

    private static String component(Capability capability) {
        return capability.component().map(c -> "/components/" + c).orElse("");
    }

    private static String path(Capability capability) {
        return capability.component().map(c -> c + "/" + capability.name()).orElse(capability.name());
    }
}
