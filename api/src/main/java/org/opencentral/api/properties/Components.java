package org.opencentral.api.properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.Json;

/** The Plug and Play component marker: an object member {@code "__t":"c"} (reference §3). */
final class Components {
    static final String MARKER = "__t";

    private Components() {
    }

    static boolean isComponent(JsonNode node) {
        return node instanceof ObjectNode object && "c".equals(object.path(MARKER).asText(""));
    }

    /** A copy of an object without the marker; an empty object for anything that is not an object. */
    static ObjectNode content(JsonNode node) {
        if (!(node instanceof ObjectNode object)) {
            return Json.object();
        }
        ObjectNode copy = object.deepCopy();
        copy.remove(MARKER);
        return copy;
    }

    /** A copy of a component body as sent to the device: marker added, {@code $metadata} dropped. */
    static ObjectNode marked(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        copy.remove("$metadata");
        copy.put(MARKER, "c");
        return copy;
    }
}
