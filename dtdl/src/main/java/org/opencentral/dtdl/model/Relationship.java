package org.opencentral.dtdl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A link to another digital twin ("by reference": the target need not be resolvable). */
public record Relationship(
        String name,
        ElementInfo info,
        Optional<Dtmi> target,
        Optional<Integer> minMultiplicity,
        Optional<Integer> maxMultiplicity,
        boolean writable,
        List<Property> properties)
        implements Content {

    public Relationship {
        Names.require(name);
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(minMultiplicity, "minMultiplicity");
        Objects.requireNonNull(maxMultiplicity, "maxMultiplicity");
        properties = List.copyOf(properties);
    }
}
