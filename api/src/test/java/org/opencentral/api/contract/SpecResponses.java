package org.opencentral.api.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.opencentral.core.Json;

/**
 * The response schemas of the official document, compiled with networknt's validator: for an
 * operation and a status, the declared response (or {@code default} for an undeclared error status)
 * and its schema, if it has one.
 */
public final class SpecResponses {
    private final JsonNode paths;
    private final SwaggerSchemas schemas;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    public SpecResponses(JsonNode official, Map<String, Set<String>> extensions) {
        this.paths = official.path("paths");
        this.schemas = new SwaggerSchemas(official.path("definitions"), extensions);
    }

    /** Whether the document has this operation ({@code path} as the spec writes it, without /api). */
    public boolean has(String method, String path) {
        return !operation(method, path).isMissingNode();
    }

    /**
     * The problems of one response, empty when it conforms: an undeclared success status, a body
     * where none is declared, a declared header missing, or the schema's errors.
     */
    public List<String> check(String method, String path, int status, String body) {
        return check(method, path, status, name -> Optional.of(""), body);
    }

    /** As {@link #check(String, String, int, String)}, also requiring the response's declared headers. */
    public List<String> check(String method, String path, int status, Function<String, Optional<String>> headers,
            String body) {
        JsonNode responses = operation(method, path).path("responses");
        JsonNode response = responses.path(Integer.toString(status));
        if (response.isMissingNode()) {
            if (status < 400) {
                return List.of("status " + status + " is not declared (declared: " + declared(responses) + ")");
            }
            response = responses.path("default");
        }
        List<String> problems = new ArrayList<>();
        response.path("headers").fieldNames().forEachRemaining(name -> {
            if (headers.apply(name).isEmpty()) {
                problems.add("declared header " + name + " is missing");
            }
        });
        problems.addAll(body(method, path, status, response.path("schema"), body));
        return problems;
    }

    private List<String> body(String method, String path, int status, JsonNode schema, String body) {
        if (schema.isMissingNode()) {
            return body.isBlank() ? List.of() : List.of("no body is declared for " + status + ", got: " + body);
        }
        if (body.isBlank()) {
            return List.of("a body is declared for " + status + ", got none");
        }
        String key = method + " " + path + " " + status;
        Schema compiledSchema = compiled.computeIfAbsent(key, k -> registry.getSchema(schemas.document(schema)));
        JsonNode json;
        try {
            json = Json.parse(body);
        } catch (RuntimeException e) {
            return List.of("the body is not JSON: " + body);
        }
        List<Error> errors = compiledSchema.validate(json);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage() + " ["
                + e.getSchemaLocation() + "]").toList();
    }

    private JsonNode operation(String method, String path) {
        return paths.path(path).path(method.toLowerCase(Locale.ROOT));
    }

    private static String declared(JsonNode responses) {
        StringBuilder out = new StringBuilder();
        responses.fieldNames().forEachRemaining(n -> out.append(out.isEmpty() ? "" : ", ").append(n));
        return out.toString();
    }
}
