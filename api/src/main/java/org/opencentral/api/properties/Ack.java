package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * A Plug and Play writable-property acknowledgement as a device reports it:
 * {@code {"value":…,"ac":200,"av":3,"ad":"…"}} ({@code av} and {@code ad} optional). An object is
 * read as an ack only if it has {@code value} and an integer {@code ac} and no other members.
 */
record Ack(JsonNode value, int code, Optional<Long> version, Optional<String> description) {
    private static final Set<String> MEMBERS = Set.of("value", "ac", "av", "ad");

    static Optional<Ack> of(JsonNode reported) {
        if (!(reported instanceof ObjectNode object) || !object.has("value") || !object.path("ac").canConvertToInt()
                || !object.path("ac").isIntegralNumber()) {
            return Optional.empty();
        }
        for (String name : (Iterable<String>) object::fieldNames) {
            if (!MEMBERS.contains(name)) {
                return Optional.empty();
            }
        }
        JsonNode av = object.path("av");
        JsonNode ad = object.path("ad");
        return Optional.of(new Ack(object.get("value"), object.get("ac").asInt(),
                av.isIntegralNumber() ? Optional.of(av.asLong()) : Optional.empty(),
                ad.isTextual() ? Optional.of(ad.asText()) : Optional.empty()));
    }
}
