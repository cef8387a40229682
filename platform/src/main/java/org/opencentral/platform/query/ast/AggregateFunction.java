package org.opencentral.platform.query.ast;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The aggregate functions; they apply to telemetry only. */
public enum AggregateFunction {
    AVG, SUM, COUNT, MIN, MAX, FIRST, LAST;

    /** The prefix of the default output name: {@code AVG(temperature)} is {@code avg_temperature}. */
    public String outputPrefix() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive, like keywords. */
    public static Optional<AggregateFunction> fromText(String text) {
        return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text)).findFirst();
    }
}
