package org.opencentral.dtdl.internal;

import com.fasterxml.jackson.databind.JsonNode;

/** A JSON object with an {@code @id}, where it is, and the scope of its top-level interface. */
record Located(ContextScope scope, JsonNode node, String pointer) {
}
