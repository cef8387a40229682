package org.opencentral.platform.rules;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.rule.Aggregation;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Comparison;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.Schema;
import org.opencentral.platform.template.TemplateService;

/**
 * Checks a rule against its template's model: the template exists, every item names a capability
 * of the right kind, and its operator, value and aggregation fit the capability's schema; an email
 * action needs an SMTP server. A misfit is a {@code BAD_REQUEST} naming the item
 * ({@code conditions.items[0]: ...}, {@code actions[1]: ...}).
 */
public final class RuleChecker {
    private final TemplateService templates;
    private final boolean mail;

    /** {@code mail}: whether the server has an SMTP server to send email actions through. */
    public RuleChecker(TemplateService templates, boolean mail) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.mail = mail;
    }

    public void check(Rule rule) {
        for (int i = 0; i < rule.actions().size(); i++) {
            if (rule.actions().get(i) instanceof RuleAction.Email && !mail) {
                throw DomainException.badRequest("actions[" + i + "]: email actions need an SMTP server, and this "
                        + "server has none configured (--smtp-host)");
            }
        }
        DeviceModel model = templates.find(rule.template()).flatMap(templates::model)
                .orElseThrow(() -> DomainException.badRequest("template '" + rule.template()
                        + "' is not a published device template"));
        for (int i = 0; i < rule.conditions().items().size(); i++) {
            String where = "conditions.items[" + i + "]: ";
            check(model, rule.conditions().items().get(i)).ifPresent(problem -> {
                throw DomainException.badRequest(where + problem);
            });
        }
    }

    private static Optional<String> check(DeviceModel model, Condition item) {
        return switch (item) {
            case Condition.Telemetry t -> telemetry(model, t.telemetry())
                    .map(schema -> fits(schema, t.comparison(), t.aggregation()))
                    .orElseGet(() -> Optional.of(unknown(model, "telemetry", t.telemetry())));
            case Condition.Property p -> property(model, p.property(), false)
                    .map(schema -> fits(schema, p.comparison(), Optional.empty()))
                    .orElseGet(() -> Optional.of(unknown(model, "device property", p.property())));
            case Condition.CloudProperty c -> property(model, c.property(), true)
                    .map(schema -> fits(schema, c.comparison(), Optional.empty()))
                    .orElseGet(() -> Optional.of(unknown(model, "cloud property", c.property())));
            case Condition.Connection c -> Optional.empty();
            case Condition.Absence a -> telemetry(model, a.telemetry()).isPresent() ? Optional.empty()
                    : Optional.of(unknown(model, "telemetry", a.telemetry()));
        };
    }

    private static Optional<String> fits(Schema schema, Comparison comparison, Optional<Aggregation> aggregation) {
        ValueKind kind = ValueKind.of(schema);
        if (aggregation.isPresent()) {
            Optional<String> misfit = ValueKind.misfit(kind, aggregation.get());
            if (misfit.isPresent()) {
                return misfit;
            }
            kind = new ValueKind.Number();
        }
        return ValueKind.misfit(kind, comparison.operator(), comparison.value());
    }

    private static Optional<Schema> telemetry(DeviceModel model, Capability capability) {
        return model.telemetry(capability.component(), capability.name()).map(t -> t.schema());
    }

    private static Optional<Schema> property(DeviceModel model, Capability capability, boolean cloud) {
        return model.property(capability.component(), capability.name()).filter(p -> p.iotc().cloud() == cloud)
                .map(p -> p.schema());
    }

    private static String unknown(DeviceModel model, String kind, Capability capability) {
        if (capability.component().isPresent() && model.component(capability.component().get()).isEmpty()) {
            return "the template has no component '" + capability.component().get() + "'";
        }
        return "the template has no " + kind + " '" + capability.describe() + "'";
    }
}
