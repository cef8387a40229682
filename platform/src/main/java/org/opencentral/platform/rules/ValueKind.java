package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencentral.core.rule.Aggregation;
import org.opencentral.core.rule.Operator;
import org.opencentral.dtdl.model.EnumLiteral;
import org.opencentral.dtdl.model.EnumSchema;
import org.opencentral.dtdl.model.Primitive;
import org.opencentral.dtdl.model.Schema;

/**
 * What a condition may do with a capability, by its DTDL schema: numbers are ordered and
 * aggregated; strings compared and searched; booleans and enums compared for equality; other
 * schemas (objects, maps, arrays, geospatial, dates and times) are not conditions.
 */
sealed interface ValueKind {
    record Number() implements ValueKind {
    }

    record Text() implements ValueKind {
    }

    record Bool() implements ValueKind {
    }

    record Enumeration(List<JsonNode> values) implements ValueKind {
        public Enumeration {
            values = List.copyOf(values);
        }
    }

    record Unsupported(String schema) implements ValueKind {
    }

    static ValueKind of(Schema schema) {
        if (schema instanceof Primitive p) {
            if (p.kind().numeric()) {
                return new Number();
            }
            return switch (p.kind()) {
                case STRING -> new Text();
                case BOOLEAN -> new Bool();
                default -> new Unsupported(p.kind().term());
            };
        }
        if (schema instanceof EnumSchema e) {
            return new Enumeration(e.values().stream().map(v -> (JsonNode) switch (v.value()) {
                case EnumLiteral.IntegerValue i -> IntNode.valueOf(i.value());
                case EnumLiteral.StringValue s -> TextNode.valueOf(s.value());
            }).toList());
        }
        return new Unsupported(schema.getClass().getSimpleName().replace("Schema", "").toLowerCase(Locale.ROOT));
    }

    /** Why {@code operator} with {@code value} does not fit this kind, or empty when it does. */
    static Optional<String> misfit(ValueKind kind, Operator operator, JsonNode value) {
        String problem = switch (kind) {
            case Number n -> !value.isNumber() ? "compares a number with a number"
                    : operator.textual() ? "'" + operator.symbol() + "' does not apply to a number" : null;
            case Text t -> !value.isTextual() ? "compares a string with a string"
                    : operator.ordering() ? "'" + operator.symbol() + "' does not apply to a string" : null;
            case Bool b -> !value.isBoolean() ? "compares a boolean with true or false"
                    : operator.ordering() || operator.textual()
                            ? "'" + operator.symbol() + "' does not apply to a boolean (use == or !=)" : null;
            case Enumeration e -> operator.ordering() || operator.textual()
                    ? "'" + operator.symbol() + "' does not apply to an enum (use == or !=)"
                    : e.values().stream().noneMatch(v -> v.equals(value) || v.asText().equals(value.asText()))
                            ? "value " + value + " is not one of the enum's values " + e.values() : null;
            case Unsupported u -> "a capability of schema " + u.schema() + " is not a condition";
        };
        return Optional.ofNullable(problem);
    }

    /**
     * Why {@code operator} does not compare this kind with the cloud property {@code name} of kind
     * {@code other}, or empty when it does: both are of one kind, and the operator fits it.
     */
    static Optional<String> misfit(ValueKind kind, Operator operator, ValueKind other, String name) {
        if (kind instanceof Unsupported u) {
            return Optional.of("a capability of schema " + u.schema() + " is not a condition");
        }
        boolean same = kind.getClass().equals(other.getClass())
                && (!(kind instanceof Enumeration e) || e.values().equals(((Enumeration) other).values()));
        if (!same) {
            return Optional.of("compareTo: cloud property '" + name + "' is not of the same kind as the value");
        }
        JsonNode sample = switch (kind) {
            case Number n -> IntNode.valueOf(0);
            case Text t -> TextNode.valueOf("");
            case Bool b -> BooleanNode.TRUE;
            case Enumeration e -> e.values().getFirst();
            case Unsupported u -> TextNode.valueOf("");
        };
        return misfit(kind, operator, sample);
    }

    /** Why {@code aggregation} does not fit this kind, or empty when it does. */
    static Optional<String> misfit(ValueKind kind, Aggregation aggregation) {
        if (aggregation.numeric() && !(kind instanceof Number)) {
            return Optional.of("aggregation '" + aggregation.wireName() + "' needs numeric telemetry");
        }
        return Optional.empty();
    }
}
