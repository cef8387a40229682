package org.opencentral.platform.rules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.Comparison;

/**
 * Whether a value satisfies a comparison; a value of another type than the operand never does, nor
 * does any value when the operand is a cloud property the device has no value of.
 */
final class RuleComparisons {
    private RuleComparisons() {
    }

    static boolean matches(Comparison comparison, JsonNode actual, KnownDevices facts, DeviceId device) {
        return operand(comparison, facts, device).map(expected -> matches(comparison, expected, actual)).orElse(false);
    }

    /** Whether a number satisfies a comparison with a number. */
    static boolean numbers(Comparison comparison, double actual, KnownDevices facts, DeviceId device) {
        return operand(comparison, facts, device).filter(JsonNode::isNumber)
                .map(expected -> numbers(comparison, actual, expected.asDouble())).orElse(false);
    }

    /** What the comparison compares with for this device now. */
    static Optional<JsonNode> operand(Comparison comparison, KnownDevices facts, DeviceId device) {
        return switch (comparison.operand()) {
            case Comparison.Operand.Constant c -> Optional.of(c.value());
            case Comparison.Operand.CloudProperty c -> facts.cloudProperty(device, c.capability());
        };
    }

    private static boolean matches(Comparison comparison, JsonNode expected, JsonNode actual) {
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

    private static boolean numbers(Comparison comparison, double actual, double expected) {
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
