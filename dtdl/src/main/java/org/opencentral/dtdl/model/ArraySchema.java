package org.opencentral.dtdl.model;

import java.util.Objects;

/** An indexable sequence of elements of one schema. */
public record ArraySchema(ElementInfo info, Schema elementSchema) implements Schema {

    public ArraySchema {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(elementSchema, "elementSchema");
    }
}
