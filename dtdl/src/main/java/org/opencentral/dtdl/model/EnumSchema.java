package org.opencentral.dtdl.model;

import java.util.List;
import java.util.Objects;

/** Named labels mapping to integer or string values. */
public record EnumSchema(ElementInfo info, PrimitiveKind valueSchema, List<EnumValue> values) implements Schema {

    public EnumSchema {
        Objects.requireNonNull(info, "info");
        if (valueSchema != PrimitiveKind.INTEGER && valueSchema != PrimitiveKind.STRING) {
            throw new IllegalArgumentException("enum valueSchema must be integer or string: " + valueSchema);
        }
        values = List.copyOf(values);
    }
}
