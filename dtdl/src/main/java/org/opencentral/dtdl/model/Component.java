package org.opencentral.dtdl.model;

import java.util.Objects;

/** An interface included by value under a name; its schema is fully resolved and expanded. */
public record Component(String name, ElementInfo info, Interface schema) implements Content {

    public Component {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(schema, "schema");
    }
}
