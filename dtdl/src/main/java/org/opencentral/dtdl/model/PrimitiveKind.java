package org.opencentral.dtdl.model;

import java.util.Arrays;
import java.util.Optional;

/** DTDL's primitive schemas (the same ten in v2 and v3). */
public enum PrimitiveKind {
    BOOLEAN("boolean"),
    DATE("date"),
    DATE_TIME("dateTime"),
    DOUBLE("double"),
    DURATION("duration"),
    FLOAT("float"),
    INTEGER("integer"),
    LONG("long"),
    STRING("string"),
    TIME("time");

    private final String term;

    PrimitiveKind(String term) {
        this.term = term;
    }

    public String term() {
        return term;
    }

    /** double, float, integer or long: the schemas a semantic type may annotate. */
    public boolean numeric() {
        return this == DOUBLE || this == FLOAT || this == INTEGER || this == LONG;
    }

    public static Optional<PrimitiveKind> ofTerm(String term) {
        return Arrays.stream(values()).filter(k -> k.term.equals(term)).findFirst();
    }
}
