package org.opencentral.dtdl.model;

import java.util.Objects;
import java.util.Optional;

/** String keys to values of one schema; the key and value names are metadata only. */
public record MapSchema(
        ElementInfo info, String keyName, String valueName, Schema valueSchema, Optional<Quantity> valueQuantity)
        implements Schema {

    public MapSchema {
        Objects.requireNonNull(info, "info");
        Names.require(keyName);
        Names.require(valueName);
        Objects.requireNonNull(valueSchema, "valueSchema");
        Objects.requireNonNull(valueQuantity, "valueQuantity");
    }
}
