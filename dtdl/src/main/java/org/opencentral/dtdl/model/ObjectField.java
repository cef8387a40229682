package org.opencentral.dtdl.model;

import java.util.Objects;
import java.util.Optional;

/** A named field of an Object schema. */
public record ObjectField(String name, ElementInfo info, Schema schema, Optional<Quantity> quantity) {

    public ObjectField {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(quantity, "quantity");
    }
}
