package org.opencentral.dtdl.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What every DTDL element may carry besides its own properties: an explicit {@code @id}, the
 * display strings, the author comment and any co-types the library does not model (undefined
 * co-types that DTDL's open-world rule allows, and IoT Central template co-types such as
 * {@code GatewayDevice}).
 */
public record ElementInfo(
        Optional<Dtmi> id,
        LocalizedText displayName,
        LocalizedText description,
        Optional<String> comment,
        List<String> otherTypes) {

    private static final ElementInfo EMPTY =
            new ElementInfo(Optional.empty(), LocalizedText.none(), LocalizedText.none(), Optional.empty(), List.of());

    public ElementInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(comment, "comment");
        otherTypes = List.copyOf(otherTypes);
    }

    public static ElementInfo empty() {
        return EMPTY;
    }
}
