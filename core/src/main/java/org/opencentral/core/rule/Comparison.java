package org.opencentral.core.rule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** An operator and the constant it compares with: a number, a string or a boolean. */
public record Comparison(Operator operator, JsonNode value) {
    public Comparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (!(value.isNumber() || value.isTextual() || value.isBoolean())) {
            throw new IllegalArgumentException("a condition's value is a number, a string or a boolean");
        }
        value = value.deepCopy();
    }
}
