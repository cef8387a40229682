package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencentral.core.rule.Comparison;

/** Whether a value satisfies a comparison; a value of another type than the operand never does. */
final class RuleComparisons {
    private RuleComparisons() {
    }

    static boolean matches(Comparison comparison, JsonNode actual) {
        JsonNode expected = comparison.value();
        if (expected.isNumber()) {
            return actual.isNumber() && numbers(comparison, actual.asDouble(), expected.asDouble());
        }
        if (expected.isTextual()) {
            return actual.isTextual() && texts(comparison, actual.asText(), expected.asText());
        }
        return actual.isBoolean() && switch (comparison.operator()) {
            case EQUALS -> actual.asBoolean() == expected.asBoolean();
            case NOT_EQUALS -> actual.asBoolean() != expected.asBoolean();
            default -> false;
        };
    }

    static boolean numbers(Comparison comparison, double actual, double expected) {
        return switch (comparison.operator()) {
            case GREATER -> actual > expected;
            case GREATER_OR_EQUAL -> actual >= expected;
            case LESS -> actual < expected;
            case LESS_OR_EQUAL -> actual <= expected;
            case EQUALS -> actual == expected;
            case NOT_EQUALS -> actual != expected;
            case CONTAINS, NOT_CONTAINS -> false;
        };
    }

    private static boolean texts(Comparison comparison, String actual, String expected) {
        return switch (comparison.operator()) {
            case EQUALS -> actual.equals(expected);
            case NOT_EQUALS -> !actual.equals(expected);
            case CONTAINS -> actual.contains(expected);
            case NOT_CONTAINS -> !actual.contains(expected);
            default -> false;
        };
    }
}
