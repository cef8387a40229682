package org.opencentral.dtdl.model;

import java.util.Objects;

/** A named member of an Enum schema. */
public record EnumValue(String name, ElementInfo info, EnumLiteral value) {

    public EnumValue {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(value, "value");
    }
}
