package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Schema;
import org.opencentral.dtdl.value.SchemaValidator;

/**
 * Checks a rule's device actions against its template's model: a command action names a command
 * (and its request fits the command's request schema), a property action a writable device
 * property, a cloud property action a cloud property, each value fitting its schema. Webhooks and
 * emails need nothing of the model.
 */
final class ActionChecker {
    private ActionChecker() {
    }

    /** What is wrong with the action, or empty. */
    static Optional<String> check(DeviceModel model, RuleAction action) {
        return switch (action) {
            case RuleAction.Webhook w -> Optional.empty();
            case RuleAction.Email e -> Optional.empty();
            case RuleAction.Command c -> model.command(c.command().component(), c.command().name())
                    .map(command -> request(command.request().map(p -> p.schema()), c.request()))
                    .orElseGet(() -> Optional.of(unknown(model, "command", c.command())));
            case RuleAction.Property p -> model.property(p.property().component(), p.property().name())
                    .filter(property -> property.writable() && !property.iotc().cloud())
                    .map(property -> fits(property.schema(), p.value()))
                    .orElseGet(() -> Optional.of(unknown(model, "writable device property", p.property())));
            case RuleAction.CloudProperty c -> model.property(c.cloudProperty().component(), c.cloudProperty().name())
                    .filter(property -> property.iotc().cloud())
                    .map(property -> fits(property.schema(), c.value()))
                    .orElseGet(() -> Optional.of(unknown(model, "cloud property", c.cloudProperty())));
        };
    }

    private static Optional<String> request(Optional<Schema> schema, Optional<JsonNode> request) {
        if (request.isEmpty()) {
            return Optional.empty();
        }
        return schema.map(s -> fits(s, request.get())).orElse(Optional.of("the command takes no request"));
    }

    private static Optional<String> fits(Schema schema, JsonNode value) {
        return SchemaValidator.validate(schema, value).stream().findFirst()
                .map(error -> "the value does not fit the schema: " + error.message()
                        + (error.pointer().isEmpty() ? "" : " at " + error.pointer()));
    }

    static String unknown(DeviceModel model, String kind, Capability capability) {
        if (capability.component().isPresent() && model.component(capability.component().get()).isEmpty()) {
            return "the template has no component '" + capability.component().get() + "'";
        }
        return "the template has no " + kind + " '" + capability.describe() + "'";
    }
}
