package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.platform.query.ast.ComparisonOperator;
import org.opencentral.platform.query.ast.WhereCondition;
import org.opencentral.platform.query.ast.Expr;
import org.opencentral.platform.query.ast.QueryLiteral;

/**
 * An export's filter compiled once and evaluated in memory on each message: the template after FROM
 * (or any device) and the WHERE condition. A name is a telemetry value of a telemetry message
 * ({@code temperature}, {@code component.value}) or the value of a property in a property change;
 * {@code $id}, {@code $displayName}, {@code $template}, {@code $enabled}, {@code $simulated},
 * {@code $provisioned} read the device, {@code $ts} the message's time. A name with no value makes
 * its comparison false. Aggregates and time windows have no meaning per message and are refused.
 */
public final class ExportMatcher {
    private static final ExportMatcher ALL = new ExportMatcher(Optional.empty(), Optional.empty());

    private final Optional<String> template;
    private final Optional<WhereCondition> where;

    private ExportMatcher(Optional<String> template, Optional<WhereCondition> where) {
        this.template = template;
        this.where = where;
    }

    /** The matcher of an export's filter (everything without one); 400 for a filter it cannot evaluate. */
    public static ExportMatcher compile(Optional<String> filter) {
        if (filter.isEmpty()) {
            return ALL;
        }
        ExportFilter parsed = ExportFilter.parse(filter.get());
        parsed.query().where().ifPresent(ExportMatcher::check);
        return new ExportMatcher(parsed.template(), parsed.query().where());
    }

    private static void check(WhereCondition condition) {
        switch (condition) {
            case WhereCondition.And and -> and.operands().forEach(ExportMatcher::check);
            case WhereCondition.Or or -> or.operands().forEach(ExportMatcher::check);
            case WhereCondition.Not not -> check(not.operand());
            case WhereCondition.Comparison c -> checkExpr(c.left());
            case WhereCondition.In in -> checkExpr(in.left());
            case WhereCondition.TextMatch t -> checkExpr(t.target());
            case WhereCondition.WithinWindow w -> throw DomainException.badRequest(
                    "invalid export filter: a time window does not apply to single messages");
        }
    }

    private static void checkExpr(Expr expr) {
        if (expr instanceof Expr.Aggregate) {
            throw DomainException.badRequest("invalid export filter: an aggregate does not apply to single messages");
        }
    }

    /** Whether the filter reads the message (a WHERE condition); if not, {@link #matchesDevice} decides alone. */
    public boolean readsMessage() {
        return where.isPresent();
    }

    /** Whether the filter's template (after FROM) is the device's, or the filter names none. */
    public boolean matchesDevice(DeviceFacts facts) {
        return template.isEmpty() || template.equals(facts.templateId());
    }

    /** Whether the export sends {@code message} about the device of {@code facts}. */
    public boolean matches(ObjectNode message, DeviceFacts facts) {
        if (!matchesDevice(facts)) {
            return false;
        }
        return where.map(c -> test(c, message, facts)).orElse(true);
    }

    private static boolean test(WhereCondition condition, ObjectNode message, DeviceFacts facts) {
        return switch (condition) {
            case WhereCondition.And and -> and.operands().stream().allMatch(c -> test(c, message, facts));
            case WhereCondition.Or or -> or.operands().stream().anyMatch(c -> test(c, message, facts));
            case WhereCondition.Not not -> !test(not.operand(), message, facts);
            case WhereCondition.Comparison c -> value(c.left(), message, facts)
                    .map(v -> compare(v, c.operator(), c.right())).orElse(false);
            case WhereCondition.In in -> value(in.left(), message, facts)
                    .map(v -> in.values().stream().anyMatch(l -> compare(v, ComparisonOperator.EQ, l)))
                    .orElse(false);
            case WhereCondition.TextMatch t -> value(t.target(), message, facts)
                    .filter(JsonNode::isTextual).map(v -> t.function().test(v.asText(), t.text())).orElse(false);
            case WhereCondition.WithinWindow w -> false;
        };
    }

    private static Optional<JsonNode> value(Expr expr, ObjectNode message, DeviceFacts facts) {
        return switch (expr) {
            case Expr.Name name -> named(name, message);
            case Expr.Builtin builtin -> switch (builtin.field()) {
                case ID -> Optional.of(message.path("deviceId")).filter(JsonNode::isTextual);
                case TS -> Optional.of(message.path("enqueuedTime")).filter(JsonNode::isTextual);
                case DISPLAY_NAME -> facts.device().map(d -> TextNode.valueOf(d.displayName()));
                case TEMPLATE -> facts.templateId().map(TextNode::valueOf);
                case ENABLED -> facts.device().map(d -> BooleanNode.valueOf(d.enabled()));
                case SIMULATED -> facts.device().map(d -> BooleanNode.valueOf(d.simulated()));
                case PROVISIONED -> facts.device().map(Device::provisioned).map(BooleanNode::valueOf);
            };
            case Expr.Aggregate a -> Optional.empty();
        };
    }

    private static Optional<JsonNode> named(Expr.Name name, ObjectNode message) {
        if (message.path("telemetry").isObject()) {
            JsonNode node = message.path("telemetry");
            for (String part : name.parts()) {
                node = node.path(part);
            }
            return Optional.of(node).filter(n -> !n.isMissingNode());
        }
        for (JsonNode property : message.path("properties")) {
            if (name.path().equals(property.path("name").asText())
                    || name.path().equals(property.path("component").asText() + "." + property.path("name").asText())) {
                return Optional.of(property.path("value"));
            }
        }
        return Optional.empty();
    }

    private static boolean compare(JsonNode value, ComparisonOperator operator, QueryLiteral literal) {
        Optional<Integer> order = switch (literal) {
            case QueryLiteral.Num n -> value.isNumber() ? Optional.of(value.decimalValue().compareTo(n.value()))
                    : Optional.empty();
            case QueryLiteral.Str s -> value.isTextual() ? Optional.of(value.asText().compareTo(s.value())) : Optional.empty();
            case QueryLiteral.Bool b -> value.isBoolean() && operator.isEquality()
                    ? Optional.of(value.asBoolean() == b.value() ? 0 : 1) : Optional.empty();
            case QueryLiteral.Null n -> operator.isEquality() ? Optional.of(value.isNull() ? 0 : 1) : Optional.empty();
        };
        return order.map(o -> switch (operator) {
            case EQ -> o == 0;
            case NE -> o != 0;
            case GT -> o > 0;
            case LT -> o < 0;
            case GE -> o >= 0;
            case LE -> o <= 0;
        }).orElse(operator == ComparisonOperator.NE);
    }
}
