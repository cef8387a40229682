package org.opencentral.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Translates the Swagger 2.0 schemas of the official document into JSON Schema 2020-12, so that a
 * standard validator can check responses:
 * <ul>
 * <li>{@code #/definitions/X} becomes {@code #/$defs/X}; {@code x-*}, {@code example} and
 * {@code discriminator} keywords are dropped ({@code readOnly} stays: an annotation).</li>
 * <li>A reference to a polymorphic base ({@code discriminator}) outside an {@code allOf} becomes a
 * reference to {@code X.polymorphic}: the base, the discriminator value limited to the known
 * ones, and the subtype's schema applied for its value ({@code if}/{@code then}).</li>
 * <li>Concrete object definitions are closed ({@code unevaluatedProperties: false}), so a member the
 * spec does not name is reported; bases of an {@code allOf} stay open (their subtypes close them).
 * Known extension members are declared through {@code extensions} (definition → members).</li>
 * <li>Formats: {@code int32} is dropped, {@code date-time-rfc1123} becomes a pattern.</li>
 * </ul>
 */
public final class SwaggerSchemas {
    static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String RFC_1123 =
            "^[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} (GMT|[+-]\\d{4})$";

    private final ObjectNode defs = F.objectNode();
    private final Set<String> polymorphic = new HashSet<>();

    /** @param definitions the document's {@code definitions}; {@code extensions} members tolerated per definition */
    public SwaggerSchemas(JsonNode definitions, Map<String, Set<String>> extensions) {
        Set<String> bases = new HashSet<>();
        definitions.properties().forEach(d -> {
            if (d.getValue().has("discriminator")) {
                polymorphic.add(d.getKey());
            }
            d.getValue().path("allOf").forEach(ref -> bases.add(name(ref.path("$ref").asText())));
        });
        definitions.properties().forEach(d -> {
            ObjectNode schema = schema(d.getValue());
            extensions.getOrDefault(d.getKey(), Set.of()).forEach(m -> schema.withObject("/properties").set(m,
                    F.objectNode().put("description", "OpenCentral extension")));
            if (!bases.contains(d.getKey()) && schema.has("properties") && !schema.has("additionalProperties")) {
                schema.put("unevaluatedProperties", false);
            }
            defs.set(d.getKey(), schema);
        });
        polymorphic.forEach(base -> defs.set(base + ".polymorphic", polymorphicOf(base, definitions)));
    }

    /** A standalone 2020-12 schema document for one schema of the Swagger document (a response's). */
    public ObjectNode document(JsonNode swaggerSchema) {
        ObjectNode doc = F.objectNode().put("$schema", DIALECT);
        doc.setAll(schema(swaggerSchema));
        doc.set("$defs", defs);
        return doc;
    }

    private ObjectNode polymorphicOf(String base, JsonNode definitions) {
        String property = definitions.path(base).path("discriminator").asText();
        ArrayNode values = F.arrayNode();
        ArrayNode cases = F.arrayNode();
        definitions.properties().forEach(d -> d.getValue().path("allOf").forEach(parent -> {
            if (name(parent.path("$ref").asText()).equals(base)) {
                String value = d.getValue().path("x-ms-discriminator-value").asText(d.getKey());
                values.add(value);
                ObjectNode when = F.objectNode();
                ObjectNode condition = when.putObject("if");
                condition.putArray("required").add(property);
                condition.putObject("properties").putObject(property).put("const", value);
                when.putObject("then").put("$ref", "#/$defs/" + d.getKey());
                cases.add(when);
            }
        }));
        ObjectNode schema = F.objectNode().put("$ref", "#/$defs/" + base);
        schema.putObject("properties").putObject(property).set("enum", values);
        schema.set("allOf", cases);
        return schema;
    }

    private ObjectNode schema(JsonNode swagger) {
        ObjectNode out = F.objectNode();
        swagger.properties().forEach(e -> {
            String key = e.getKey();
            JsonNode value = e.getValue();
            switch (key) {
                case "$ref" -> out.put("$ref", "#/$defs/" + name(value.asText())
                        + (polymorphic.contains(name(value.asText())) ? ".polymorphic" : ""));
                case "properties" -> {
                    ObjectNode properties = out.putObject("properties");
                    value.properties().forEach(p -> properties.set(p.getKey(), schema(p.getValue())));
                }
                case "items" -> out.set("items", schema(value));
                case "additionalProperties" -> out.set(key, value.isObject() ? schema(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode parts = out.putArray(key);
                    value.forEach(part -> parts.add(key.equals("allOf") ? plainRef(part) : schema(part)));
                }
                case "format" -> format(out, value.asText());
                case "discriminator", "example" -> {
                }
                default -> {
                    if (!key.startsWith("x-")) {
                        out.set(key, value);
                    }
                }
            }
        });
        return out;
    }

    /** An {@code allOf} member names the base itself, never its polymorphic wrapper. */
    private ObjectNode plainRef(JsonNode part) {
        if (part.has("$ref") && part.size() == 1) {
            return F.objectNode().put("$ref", "#/$defs/" + name(part.get("$ref").asText()));
        }
        return schema(part);
    }

    private static void format(ObjectNode out, String format) {
        switch (format) {
            case "date-time-rfc1123" -> out.put("pattern", RFC_1123);
            case "date-time", "date", "uri", "email", "uuid" -> out.put("format", format);
            default -> {
                // int32, int64, byte…: sizes and encodings the validator does not know
            }
        }
    }

    private static String name(String ref) {
        if (!ref.startsWith("#/definitions/")) {
            throw new IllegalArgumentException("only local definitions are supported: " + ref);
        }
        return ref.substring("#/definitions/".length());
    }
}
