package org.opencentral.dtdl.model;

import java.util.Objects;
import java.util.Optional;

/** Data a device emits. */
public record Telemetry(String name, ElementInfo info, Schema schema, Optional<Quantity> quantity, IotcTraits iotc)
        implements Content {

    public Telemetry {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(iotc, "iotc");
    }
}
