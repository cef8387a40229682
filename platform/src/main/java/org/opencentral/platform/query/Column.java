package org.opencentral.platform.query;

import java.util.Objects;

/** An output column: its name in the result rows (the alias, or the default name) and its value. */
public record Column(String name, ValueRef value) {
    public Column {
        Objects.requireNonNull(name);
        Objects.requireNonNull(value);
    }
}
