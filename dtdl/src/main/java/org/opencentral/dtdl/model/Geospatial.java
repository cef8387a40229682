package org.opencentral.dtdl.model;

import java.util.Objects;

/** A GeoJSON geometry schema ({@code point}, {@code polygon}, ...). */
public record Geospatial(GeoKind kind) implements Schema {

    public Geospatial {
        Objects.requireNonNull(kind, "kind");
    }
}
