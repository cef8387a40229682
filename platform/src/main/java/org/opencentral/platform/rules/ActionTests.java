package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.Aggregation;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Comparison;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Schema;
import org.opencentral.platform.rules.action.ActionDelivery;
import org.opencentral.platform.rules.action.Delivery;
import org.opencentral.platform.template.TemplateService;

/**
 * "Send test": tries one action of a rule once, now, with a sample payload built from the rule's
 * template (each condition's capability with a sample value of its schema: the constant it compares
 * with when there is one) and marked {@code "test": true}; outside the outbox, without rate limit,
 * history or retries, so nothing of the rule changes. A device action needs a real device of the
 * template to act on; the others describe a sample device unless one is named.
 */
public final class ActionTests {
    static final DeviceId SAMPLE_DEVICE = DeviceId.of("sample-device");

    private final TemplateService templates;
    private final DeviceStore devices;
    private final ActionDelivery delivery;
    private final RuleApplication application;
    private final Clock clock;

    public ActionTests(TemplateService templates, DeviceStore devices, ActionDelivery delivery,
            RuleApplication application, Clock clock) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.devices = Objects.requireNonNull(devices, "devices");
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.application = Objects.requireNonNull(application, "application");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What the test came to: sent or failed, and a sentence about it. */
    public record Outcome(boolean sent, String detail) {
        public Outcome {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Tries action {@code index} of {@code rule} once, for {@code device} if named. */
    public Outcome test(Rule rule, int index, Optional<DeviceId> device) {
        if (index < 0 || index >= rule.actions().size()) {
            throw DomainException.notFound("action " + index + " of rule '" + rule.id() + "'");
        }
        RuleAction action = rule.actions().get(index);
        boolean deviceAction = !(action instanceof RuleAction.Webhook || action instanceof RuleAction.Email);
        if (deviceAction && device.isEmpty()) {
            throw DomainException.badRequest("device is required: a " + ActionDelivery.type(action)
                    + " action's test acts on a device of the rule's template ({\"device\": \"<id>\"})");
        }
        Optional<Device> found = device.flatMap(devices::find);
        if (device.isPresent() && found.isEmpty()) {
            throw DomainException.badRequest("device '" + device.get().value() + "' does not exist");
        }
        RuleHistoryEntry sample = new RuleHistoryEntry(0, "test/" + UUID.randomUUID(), rule.id(),
                device.orElse(SAMPLE_DEVICE), action.on() == RuleAction.On.RESOLVE ? RuleHistoryEntry.Kind.RESOLVED
                        : RuleHistoryEntry.Kind.FIRED, clock.instant().truncatedTo(ChronoUnit.MILLIS), values(rule));
        ObjectNode payload = FirePayload.of(rule, index, sample, found.or(() -> sampleDevice(rule)), application);
        payload.put("test", true);
        ActionTask task = new ActionTask(0, sample.key() + "#" + index, rule.id(), index, sample.device(), payload, 0,
                sample.at());
        return switch (delivery.deliver(rule, task)) {
            case Delivery.Sent s -> new Outcome(true, "the " + ActionDelivery.type(action) + " action was sent");
            case Delivery.Retry r -> new Outcome(false, r.error());
            case Delivery.Failed f -> new Outcome(false, f.error());
        };
    }

    private Optional<Device> sampleDevice(Rule rule) {
        return Optional.of(Device.builder(SAMPLE_DEVICE).displayName("Sample device").template(rule.template()).createdAt(clock.instant())
                .build());
    }

    /** A sample value for each condition's capability, grouped as a fire's values. */
    private ObjectNode values(Rule rule) {
        Optional<DeviceModel> model = templates.find(rule.template()).flatMap(templates::model);
        ValuesJson values = new ValuesJson();
        for (Condition item : rule.conditions().items()) {
            switch (item) {
                case Condition.Telemetry t -> {
                    JsonNode sample = sample(model.flatMap(m -> m.telemetry(t.telemetry().component(),
                            t.telemetry().name())).map(x -> x.schema()).flatMap(s -> t.member().isEmpty()
                                    ? Optional.of(s) : RuleChecker.member(s, t.member())), t.comparison());
                    if (t.aggregation().isPresent()) {
                        ObjectNode shaped = Json.object();
                        Aggregation aggregation = t.aggregation().get();
                        shaped.set(aggregation.wireName(), aggregation.numeric() ? sample : IntNode.valueOf(1));
                        values.putShaped("telemetry", t.valueName(), shaped);
                    } else {
                        values.put("telemetry", t.valueName(), sample);
                    }
                }
                case Condition.Property p -> values.put("properties", p.valueName(), sample(property(model,
                        p.property()).flatMap(s -> p.member().isEmpty() ? Optional.of(s)
                                : RuleChecker.member(s, p.member())), p.comparison()));
                case Condition.CloudProperty c -> values.put("cloudProperties", c.property(), sample(property(model,
                        c.property()), c.comparison()));
                case Condition.Connection c -> { }
                case Condition.Absence a -> { }
            }
        }
        return values.json();
    }

    private static Optional<Schema> property(Optional<DeviceModel> model, Capability capability) {
        return model.flatMap(m -> m.property(capability.component(), capability.name())).map(p -> p.schema());
    }

    /** The constant compared with, else a value of the schema's kind. */
    private static JsonNode sample(Optional<Schema> schema, Comparison comparison) {
        if (comparison.operand() instanceof Comparison.Operand.Constant c) {
            return c.value();
        }
        return switch (schema.map(ValueKind::of).orElse(new ValueKind.Number())) {
            case ValueKind.Number n -> IntNode.valueOf(0);
            case ValueKind.Text t -> TextNode.valueOf("sample");
            case ValueKind.Bool b -> BooleanNode.TRUE;
            case ValueKind.Enumeration e -> e.values().getFirst();
            case ValueKind.Unsupported u -> TextNode.valueOf("sample");
        };
    }
}
