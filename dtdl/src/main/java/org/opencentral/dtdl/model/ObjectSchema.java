package org.opencentral.dtdl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A struct of named fields. */
public record ObjectSchema(ElementInfo info, List<ObjectField> fields) implements Schema {

    public ObjectSchema {
        Objects.requireNonNull(info, "info");
        fields = List.copyOf(fields);
    }

    public Optional<ObjectField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
