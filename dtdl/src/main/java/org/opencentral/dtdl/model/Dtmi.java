package org.opencentral.dtdl.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A digital twin model identifier such as {@code dtmi:com:example:Thermostat;1}. The constructor
 * checks only the scheme; the full syntax (per DTDL version) is checked by the parser, which reports
 * violations as errors instead of throwing.
 */
public record Dtmi(String value) implements Comparable<Dtmi> {

    public Dtmi {
        Objects.requireNonNull(value, "value");
        if (!value.startsWith("dtmi:")) {
            throw new IllegalArgumentException("not a DTMI: " + value);
        }
    }

    /**
     * The file path of this model in a repository laid out like the public model repository:
     * lower-cased, {@code :} → {@code /}, {@code ;} → {@code -}, plus {@code .json}.
     */
    public String repositoryPath() {
        return value.toLowerCase(Locale.ROOT).replace(':', '/').replace(';', '-') + ".json";
    }

    @Override
    public int compareTo(Dtmi other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
