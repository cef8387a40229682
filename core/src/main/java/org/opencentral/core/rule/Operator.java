package org.opencentral.core.rule;

import java.util.Arrays;
import java.util.Optional;

/** How a condition compares a value with its operand; the wire form is {@link #symbol()}. */
public enum Operator {
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    EQUALS("=="),
    NOT_EQUALS("!="),
    CONTAINS("contains"),
    NOT_CONTAINS("notContains");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the operator orders its operands (only numbers are ordered). */
    public boolean ordering() {
        return this == GREATER || this == GREATER_OR_EQUAL || this == LESS || this == LESS_OR_EQUAL;
    }

    /** Whether the operator looks inside a string. */
    public boolean textual() {
        return this == CONTAINS || this == NOT_CONTAINS;
    }

    public static Optional<Operator> of(String symbol) {
        return Arrays.stream(values()).filter(o -> o.symbol.equals(symbol)).findFirst();
    }
}
