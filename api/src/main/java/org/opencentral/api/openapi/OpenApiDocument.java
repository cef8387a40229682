package org.opencentral.api.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.http.PublicRoute;
import org.opencentral.api.http.Route;
import org.opencentral.api.http.StreamRoute;
import org.opencentral.core.Json;
import org.opencentral.platform.security.Permission;

/**
 * Builds the served OpenAPI (Swagger 2.0) document from the route table: each IoT Central route takes
 * its operation from the official document; each extension gets a small operation of its own, a
 * stream ({@link StreamRoute}) one that produces {@code text/event-stream}. Rows outside the REST
 * API (operations, the UI's files) are not in it.
 */
public final class OpenApiDocument {
    public static final String OFFICIAL = "openapi/iotcentral-2022-07-31.json";
    private static final String BASE = "/api";

    private OpenApiDocument() {
    }

    /** The official document as shipped. */
    public static ObjectNode official() {
        return resource(OFFICIAL);
    }

    static ObjectNode resource(String name) {
        try (InputStream in = OpenApiDocument.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + name);
            }
            return (ObjectNode) Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode of(List<Route> routes) {
        ObjectNode official = official();
        ObjectNode doc = official.deepCopy();
        extendDefinitions((ObjectNode) doc.get("definitions"));
        ExtensionSchemas extensions = ExtensionSchemas.load();
        extensions.addTo((ObjectNode) doc.get("definitions"));
        ObjectNode paths = doc.putObject("paths");
        ((ObjectNode) doc.get("info")).put("x-opencentral",
                "served by OpenCentral: only implemented operations, plus extensions");
        for (Route route : routes) {
            String path = route.path().startsWith(BASE) ? route.path().substring(BASE.length()) : route.path();
            String verb = route.method().name().toLowerCase(Locale.ROOT);
            Optional<JsonNode> operation = switch (route) {
                case ApiRoute rest -> {
                    JsonNode spec = official.path("paths").path(path).path(verb);
                    yield Optional.of(rest.extension() || spec.isMissingNode()
                            ? extension(rest, path, verb, extensions.response(verb, path)) : spec);
                }
                case StreamRoute stream -> Optional.of(stream(stream, path, verb));
                case PublicRoute r -> Optional.empty(); // not part of the REST API
            };
            if (operation.isEmpty()) {
                continue;
            }
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            ObjectNode served = (ObjectNode) operation.get().deepCopy();
            ListParameters.addTo(path, verb, served);
            HistoryParameters.addTo(path, verb, served);
            item.set(verb, served);
        }
        return doc;
    }

    /** Members OpenCentral adds to IoT Central's shapes, each marked {@code x-opencentral-extension}. */
    private static void extendDefinitions(ObjectNode definitions) {
        ((ObjectNode) definitions.path("DeviceRelationship").path("properties")).putObject("name")
                .put("type", "string").put("x-opencentral-extension", true)
                .put("description", "The DTDL Relationship of the source device's template this relationship is "
                        + "an instance of. When the template declares Relationships it must be one of them (it "
                        + "defaults to the only one), and a Relationship with a target model only links devices "
                        + "of that template.");
        ((ObjectNode) definitions.path("Device").path("properties")).putObject("simulationInterval")
                .put("type", "string").put("x-opencentral-extension", true)
                .put("description", "How often a simulated device sends telemetry: an ISO 8601 duration from "
                        + "PT0.25S to P1D (one day) in whole milliseconds, answered in the form PT2S (a day is "
                        + "PT24H). Absent: the server's default (--simulation-interval, 10 s unless configured); "
                        + "null in a PUT or PATCH body sets the default again, and PUT without it does too. "
                        + "Kept but unused while the device is not simulated.");
        ObjectNode device = (ObjectNode) definitions.path("Device").path("properties");
        device.putObject("connected").put("type", "boolean").put("readOnly", true)
                .put("x-opencentral-extension", true)
                .put("description", "Whether the device is connected now (a simulated device is not: the server "
                        + "drives it without a connection).");
        device.putObject("lastActivity").put("type", "string").put("format", "date-time").put("readOnly", true)
                .put("x-opencentral-extension", true)
                .put("description", "When the device was last heard from (connected, disconnected or sent "
                        + "a message); absent when never. Written at most once a minute per device, "
                        + "so up to a minute old while the device keeps sending.");
        extendJobs(definitions);
    }

    private static void extendJobs(ObjectNode definitions) {
        properties(definitions, "CommandJobData").putObject("connectionTimeout")
                .put("type", "integer").put("minimum", 0).put("maximum", 300).put("x-opencentral-extension", true)
                .put("description", "Seconds a device that is offline when its command runs may take to connect "
                        + "before it fails with 'device offline' (default 0: it fails at once).");
        properties(definitions, "JobDeviceStatus").putObject("reason")
                .put("type", "string").put("readOnly", true).put("x-opencentral-extension", true)
                .put("description", "Why the device failed (failed devices only).");
        properties(definitions, "ScheduledJob").putObject("nextRun")
                .put("type", "string").put("format", "date-time").put("readOnly", true)
                .put("x-opencentral-extension", true)
                .put("description", "When the next occurrence runs (at the next step of the scheduler when it is "
                        + "due already); absent while the scheduled job is disabled or completed.");
    }

    /** The {@code properties} of a definition, added when it has none (definitions made of allOf). */
    private static ObjectNode properties(ObjectNode definitions, String name) {
        ObjectNode definition = (ObjectNode) definitions.get(name);
        return definition.has("properties") ? (ObjectNode) definition.get("properties")
                : definition.putObject("properties");
    }

    /** An extension's operation; {@code schema}: the definition its 200 answers, where the document has one. */
    private static ObjectNode extension(ApiRoute route, String path, String verb, Optional<String> schema) {
        ObjectNode op = operation(route, path, verb, "OpenCentral extension: " + route.method() + " " + route.path());
        responses(op, route.changes() && route.method().name().equals("DELETE") ? "204" : "200", "Success");
        schema.ifPresent(name -> ((ObjectNode) op.path("responses").path("200")).putObject("schema")
                .put("$ref", "#/definitions/" + name));
        return op;
    }

    private static ObjectNode stream(StreamRoute route, String path, String verb) {
        ObjectNode op = operation(route, path, verb, "OpenCentral extension: " + route.summary());
        op.putArray("produces").add("text/event-stream");
        ArrayNode parameters = (ArrayNode) op.get("parameters");
        new java.util.TreeMap<>(route.query()).forEach((name, description) -> parameters.addObject()
                .put("name", name).put("in", "query").put("type", "string").put("description", description));
        responses(op, "200", "A text/event-stream that stays open");
        return op;
    }

    /** An operation of our own: id, summary, the extension mark, who may call it, and the api-version. */
    private static ObjectNode operation(Route route, String path, String verb, String summary) {
        ObjectNode op = Json.object();
        op.put("operationId", "OpenCentral_" + verb + path.replaceAll("[^A-Za-z0-9]+", "_"));
        op.put("summary", summary);
        op.put("x-opencentral-extension", true);
        op.put("x-opencentral-access", switch (route.access()) {
            case Access.Anonymous a -> "anonymous";
            case Access.Authenticated a -> "authenticated";
            case Access.Requires r -> r.permission().wireName();
            case Access.RequiresAny r -> String.join(" or ", r.permissions().stream().map(Permission::wireName).toList());
        });
        op.putArray("parameters").addObject().put("$ref", "#/parameters/Version");
        return op;
    }

    private static void responses(ObjectNode op, String status, String description) {
        ObjectNode responses = op.putObject("responses");
        responses.putObject(status).put("description", description);
        responses.putObject("default").put("description", "An error response")
                .putObject("schema").put("$ref", "#/definitions/Error");
    }
}
