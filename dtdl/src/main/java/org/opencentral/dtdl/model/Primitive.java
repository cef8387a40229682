package org.opencentral.dtdl.model;

import java.util.Objects;

/** A primitive schema such as {@code double} or {@code dateTime}. */
public record Primitive(PrimitiveKind kind) implements Schema {

    public Primitive {
        Objects.requireNonNull(kind, "kind");
    }

    public static Primitive of(PrimitiveKind kind) {
        return new Primitive(kind);
    }
}
