package org.opencentral.platform.query.ast;

import java.util.Arrays;
import java.util.Optional;

/** The built-in {@code $} names: device metadata and the telemetry timestamp. */
public enum SystemField {
    ID("$id"),
    TS("$ts"),
    PROVISIONED("$provisioned"),
    SIMULATED("$simulated"),
    DISPLAY_NAME("$displayName"),
    TEMPLATE("$template"),
    ENABLED("$enabled");

    private final String text;

    SystemField(String text) {
        this.text = text;
    }

    /** The name as written in queries and used as the output column name, e.g. {@code $id}. */
    public String text() {
        return text;
    }

    /** Case-sensitive, like every other name in the language. */
    public static Optional<SystemField> fromText(String text) {
        return Arrays.stream(values()).filter(f -> f.text.equals(text)).findFirst();
    }
}
