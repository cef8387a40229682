package org.opencentral.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;

/** Exports in IoT Central's JSON shape ({@code 2022-10-31-preview}), without the read-only status. */
public final class ExportJson {
    private static final Set<String> MEMBERS = Set.of("id", "displayName", "enabled", "source", "filter",
            "enrichments", "destinations", "status", "errors", "lastExportTime");

    private ExportJson() {
    }

    public static ObjectNode write(Export export) {
        ObjectNode json = Json.object();
        json.put("id", export.id());
        json.put("displayName", export.displayName());
        json.put("enabled", export.enabled());
        json.put("source", export.source().wireName());
        export.filter().ifPresent(f -> json.put("filter", f));
        json.set("enrichments", enrichments(export.enrichments()));
        ArrayNode destinations = json.putArray("destinations");
        export.destinations().forEach(d -> {
            ObjectNode item = destinations.addObject().put("id", d.id());
            d.transform().ifPresent(t -> item.put("transform", t));
        });
        return json;
    }

    /** Reads an export named {@code id} (the body's own {@code id} is read-only and ignored). */
    public static Export read(String id, ObjectNode json) {
        json.fieldNames().forEachRemaining(name -> {
            if (!MEMBERS.contains(name)) {
                throw DomainException.badRequest("unknown member '" + name + "' of an export");
            }
        });
        String displayName = DestinationJson.text(json, "displayName")
                .orElseThrow(() -> DomainException.badRequest("an export needs a 'displayName'"));
        JsonNode enabled = json.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw DomainException.badRequest("an export needs 'enabled' (true or false)");
        }
        String sourceName = DestinationJson.text(json, "source")
                .orElseThrow(() -> DomainException.badRequest("an export needs a 'source'"));
        ExportSource source = ExportSource.of(sourceName).orElseThrow(() -> DomainException.badRequest(
                "unknown export source '" + sourceName + "'; one of telemetry, properties, deviceLifecycle, "
                        + "deviceTemplateLifecycle, deviceConnectivity, audit"));
        return new Export(id, displayName, enabled.asBoolean(), source,
                DestinationJson.text(json, "filter").filter(f -> !f.isBlank()),
                enrichments(json.get("enrichments")), destinations(json.get("destinations")));
    }

    public static ObjectNode enrichments(Map<String, Enrichment> enrichments) {
        ObjectNode json = Json.object();
        enrichments.forEach((name, e) -> {
            ObjectNode item = json.putObject(name);
            e.target().ifPresent(t -> item.put("target", t));
            e.path().ifPresent(p -> item.put("path", p));
            e.value().ifPresent(v -> item.set("value", v));
        });
        return json;
    }

    public static Map<String, Enrichment> enrichments(JsonNode json) {
        Map<String, Enrichment> enrichments = new TreeMap<>();
        if (json == null || json.isNull()) {
            return enrichments;
        }
        if (!json.isObject()) {
            throw DomainException.badRequest("'enrichments' must be an object");
        }
        json.properties().forEach(e -> {
            if (!e.getValue().isObject()) {
                throw DomainException.badRequest("enrichment '" + e.getKey() + "' must be an object");
            }
            ObjectNode item = (ObjectNode) e.getValue();
            JsonNode value = item.get("value");
            enrichments.put(e.getKey(), new Enrichment(DestinationJson.text(item, "target"),
                    DestinationJson.text(item, "path"),
                    value == null || value.isNull() ? Optional.empty() : Optional.of(value)));
        });
        return enrichments;
    }

    private static List<DestinationReference> destinations(JsonNode json) {
        if (json == null || !json.isArray()) {
            throw DomainException.badRequest("an export needs 'destinations' (an array, possibly empty)");
        }
        List<DestinationReference> destinations = new ArrayList<>();
        for (JsonNode item : json) {
            if (!item.isObject()) {
                throw DomainException.badRequest("each of 'destinations' must be an object with an 'id'");
            }
            String id = DestinationJson.text((ObjectNode) item, "id")
                    .orElseThrow(() -> DomainException.badRequest("each of 'destinations' needs an 'id'"));
            destinations.add(new DestinationReference(id, DestinationJson.text((ObjectNode) item, "transform")));
        }
        return destinations;
    }
}
