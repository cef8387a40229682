package org.opencentral.platform.query.ast;

/** Comparison operators; {@code <>} is read as {@link #NE}. */
public enum ComparisonOperator {
    EQ("="), NE("!="), GT(">"), LT("<"), GE(">="), LE("<=");

    private final String symbol;

    ComparisonOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the operator is {@code =} or {@code !=}, the only ones that suit booleans and null. */
    public boolean isEquality() {
        return this == EQ || this == NE;
    }
}
