package org.opencentral.core.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How an aggregated rule folds a telemetry's values in one window; the wire form is the lower-case name. */
public enum Aggregation {
    AVG, MIN, MAX, SUM, COUNT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the aggregation needs numeric values ({@code count} counts any). */
    public boolean numeric() {
        return this != COUNT;
    }

    public static Optional<Aggregation> of(String wireName) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(wireName)).findFirst();
    }
}
