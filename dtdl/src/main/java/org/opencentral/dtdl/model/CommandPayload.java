package org.opencentral.dtdl.model;

import java.util.Objects;
import java.util.Optional;

/** A Command's request or response (v2 CommandPayload, v3 CommandRequest/CommandResponse). */
public record CommandPayload(String name, ElementInfo info, Schema schema, Optional<Quantity> quantity) {

    public CommandPayload {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(quantity, "quantity");
    }
}
