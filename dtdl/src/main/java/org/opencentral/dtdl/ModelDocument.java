package org.opencentral.dtdl;

import java.util.Objects;

/** The JSON text of a model document and where it came from (used in error reports). */
public record ModelDocument(String location, String json) {

    public ModelDocument {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(json, "json");
    }
}
