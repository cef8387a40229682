package org.opencentral.dtdl.model;

import java.util.Objects;
import java.util.Optional;

/** Device state: read-only (reported) or writable (desired + acknowledged). */
public record Property(
        String name, ElementInfo info, Schema schema, boolean writable, Optional<Quantity> quantity, IotcTraits iotc)
        implements Content {

    public Property {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(iotc, "iotc");
    }
}
