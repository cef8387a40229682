package org.opencentral.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * OpenCentral's additions to IoT Central's definitions, read from {@value #RESOURCE}: whole
 * definitions of extension responses ({@code Me}, {@code TelemetrySeriesCollection}, …), members
 * added to official definitions ({@code Role.permissions}, …), and which extension operation answers
 * which definition. Each addition is marked {@code x-opencentral-extension}. The web UI's API types
 * are generated from them (web/api-types).
 */
final class ExtensionSchemas {
    static final String RESOURCE = "openapi/opencentral-extensions.json";
    private static final String MARK = "x-opencentral-extension";

    private final JsonNode extensions;

    private ExtensionSchemas(JsonNode extensions) {
        this.extensions = extensions;
    }

    static ExtensionSchemas load() {
        return new ExtensionSchemas(OpenApiDocument.resource(RESOURCE));
    }

    /** Adds the definitions and members to {@code definitions}; one that is there already is a mistake. */
    void addTo(ObjectNode definitions) {
        extensions.path("definitions").properties().forEach(definition -> {
            if (definitions.has(definition.getKey())) {
                throw new IllegalStateException("the official document already defines " + definition.getKey());
            }
            definitions.set(definition.getKey(), marked(definition.getValue()));
        });
        extensions.path("members").properties().forEach(owner -> {
            JsonNode properties = definitions.path(owner.getKey()).path("properties");
            if (!(properties instanceof ObjectNode target)) {
                throw new IllegalStateException("no definition " + owner.getKey() + " with properties to extend");
            }
            owner.getValue().properties().forEach(member -> {
                if (target.has(member.getKey())) {
                    throw new IllegalStateException(owner.getKey() + " already has " + member.getKey());
                }
                target.set(member.getKey(), marked(member.getValue()));
            });
        });
    }

    /** The definition an extension operation answers with 200 ({@code verb} in lower case, path without /api). */
    Optional<String> response(String verb, String path) {
        JsonNode name = extensions.path("responses").path(verb + " " + path);
        return name.isTextual() ? Optional.of(name.asText()) : Optional.empty();
    }

    private static ObjectNode marked(JsonNode schema) {
        return ((ObjectNode) schema.deepCopy()).put(MARK, true);
    }
}
