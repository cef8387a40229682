package org.opencentral.platform.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.rule.Aggregation;
import org.opencentral.core.rule.Capability;
import org.opencentral.core.rule.Comparison;
import org.opencentral.core.rule.Condition;
import org.opencentral.core.rule.Rule;
import org.opencentral.core.rule.RuleAction;
import org.opencentral.dtdl.model.DeviceModel;
import org.opencentral.dtdl.model.ObjectField;
import org.opencentral.dtdl.model.ObjectSchema;
import org.opencentral.dtdl.model.Schema;
import org.opencentral.platform.group.DeviceGroupService;
import org.opencentral.platform.organization.AccessScope;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.template.TemplateService;

/**
 * Checks a rule against its template's model: the template exists, the group (if any) exists, the
 * filter (if any) is a device group filter over the template's properties,
 * every item names a capability of the right kind, and its operator, value (or the cloud property
 * it compares with) and aggregation fit the capability's schema; an email action needs an SMTP
 * server, a device action a capability of the template ({@link ActionChecker}). A misfit is a
 * {@code BAD_REQUEST} naming the member ({@code group ...}, {@code conditions.items[0]: ...},
 * {@code actions[1]: ...}).
 */
public final class RuleChecker {
    private static final AccessScope EVERYWHERE = new AccessScope(true, Set.of());

    private final TemplateService templates;
    private final DeviceGroupService groups;
    private final boolean mail;

    /** {@code mail}: whether the server has an SMTP server to send email actions through. */
    public RuleChecker(TemplateService templates, DeviceGroupService groups, boolean mail) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.mail = mail;
    }

    public void check(Rule rule) {
        for (int i = 0; i < rule.actions().size(); i++) {
            if (rule.actions().get(i) instanceof RuleAction.Email && !mail) {
                throw DomainException.badRequest("actions[" + i + "]: email actions need an SMTP server, and this "
                        + "server has none configured (--smtp-host)");
            }
        }
        rule.group().filter(group -> groups.find(group, EVERYWHERE).isEmpty()).ifPresent(group -> {
            throw DomainException.badRequest("group '" + group + "' is not a device group");
        });
        DeviceModel model = templates.find(rule.template()).flatMap(templates::model)
                .orElseThrow(() -> DomainException.badRequest("template '" + rule.template()
                        + "' is not a published device template"));
        rule.filter().ifPresent(filter -> {
            try {
                groups.checkFilter(filter, rule.template());
            } catch (QueryException e) {
                throw DomainException.badRequest("filter: " + e.getMessage());
            }
        });
        for (int i = 0; i < rule.conditions().items().size(); i++) {
            String where = "conditions.items[" + i + "]: ";
            check(model, rule.conditions().items().get(i)).ifPresent(problem -> {
                throw DomainException.badRequest(where + problem);
            });
        }
        for (int i = 0; i < rule.actions().size(); i++) {
            String where = "actions[" + i + "]: ";
            ActionChecker.check(model, rule.actions().get(i)).ifPresent(problem -> {
                throw DomainException.badRequest(where + problem);
            });
        }
    }

    private static Optional<String> check(DeviceModel model, Condition item) {
        return switch (item) {
            case Condition.Telemetry t -> telemetry(model, t.telemetry())
                    .map(schema -> t.member().isEmpty() ? fits(model, schema, t.comparison(), t.aggregation())
                            : member(schema, t.member()).map(field -> fits(model, field, t.comparison(), t.aggregation()))
                                    .orElseGet(() -> Optional.of(noField("telemetry", t.telemetry(), t.member()))))
                    .orElseGet(() -> Optional.of(unknown(model, "telemetry", t.telemetry())));
            case Condition.Property p -> property(model, p.property(), false)
                    .map(schema -> p.member().isEmpty() ? fits(model, schema, p.comparison(), Optional.empty())
                            : member(schema, p.member()).map(field -> fits(model, field, p.comparison(), Optional.empty()))
                                    .orElseGet(() -> Optional.of(noField("property", p.property(), p.member()))))
                    .orElseGet(() -> Optional.of(unknown(model, "device property", p.property())));
            case Condition.CloudProperty c -> property(model, c.property(), true)
                    .map(schema -> fits(model, schema, c.comparison(), Optional.empty()))
                    .orElseGet(() -> Optional.of(unknown(model, "cloud property", c.property())));
            case Condition.Connection c -> Optional.empty();
            case Condition.Absence a -> telemetry(model, a.telemetry()).isPresent() ? Optional.empty()
                    : Optional.of(unknown(model, "telemetry", a.telemetry()));
        };
    }

    private static Optional<String> fits(DeviceModel model, Schema schema, Comparison comparison,
            Optional<Aggregation> aggregation) {
        ValueKind own = ValueKind.of(schema);
        if (aggregation.isPresent()) {
            Optional<String> misfit = ValueKind.misfit(own, aggregation.get());
            if (misfit.isPresent()) {
                return misfit;
            }
        }
        ValueKind kind = aggregation.isPresent() ? new ValueKind.Number() : own;
        return switch (comparison.operand()) {
            case Comparison.Operand.Constant c -> ValueKind.misfit(kind, comparison.operator(), c.value());
            case Comparison.Operand.CloudProperty c -> property(model, c.capability(), true)
                    .map(other -> ValueKind.misfit(kind, comparison.operator(), ValueKind.of(other),
                            c.capability().describe()))
                    .orElseGet(() -> Optional.of("compareTo: the template has no cloud property '"
                            + c.capability().describe() + "'"));
        };
    }

    /** The schema of an item's member: a field of the capability's Object schema. */
    static Optional<Schema> member(Schema schema, Optional<String> member) {
        return schema instanceof ObjectSchema object ? object.fields().stream()
                .filter(f -> f.name().equals(member.orElseThrow())).findFirst().map(ObjectField::schema)
                : Optional.empty();
    }

    private static String noField(String kind, Capability capability, Optional<String> member) {
        return "member: the " + kind + " '" + capability.describe() + "' has no field '" + member.orElseThrow()
                + "' (it must be an Object)";
    }

    private static Optional<Schema> telemetry(DeviceModel model, Capability capability) {
        return model.telemetry(capability.component(), capability.name()).map(t -> t.schema());
    }

    private static Optional<Schema> property(DeviceModel model, Capability capability, boolean cloud) {
        return model.property(capability.component(), capability.name()).filter(p -> p.iotc().cloud() == cloud)
                .map(p -> p.schema());
    }

    private static String unknown(DeviceModel model, String kind, Capability capability) {
        return ActionChecker.unknown(model, kind, capability);
    }
}
