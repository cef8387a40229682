package org.opencentral.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;

/**
 * Destinations in IoT Central's JSON shape ({@code 2022-10-31-preview}) and OpenCentral's extension
 * types, secrets passed through {@link SecretSlots}: one row per type here, each type's members in
 * its own reader and writer. Types OpenCentral does not deliver to are refused with a 400 saying why.
 */
public final class DestinationJson {
    /** IoT Central's destination types that OpenCentral refuses, and why. */
    public static final Map<String, String> UNSUPPORTED = Map.of(
            "servicebusqueue@v1", "no Service Bus (AMQP 1.0) counterpart runs here to deliver to",
            "servicebustopic@v1", "no Service Bus (AMQP 1.0) counterpart runs here to deliver to",
            "dataexplorer@v1", "no Azure Data Explorer counterpart runs here to deliver to");
    private static final Set<String> COMMON = Set.of("id", "displayName", "type", "status", "errors",
            "lastExportTime");
    /** The members of each type besides the common ones. */
    private static final Map<String, Set<String>> MEMBERS = Map.of(
            WebhookDestination.TYPE, Set.of("url", "queryCustomizations", "headerCustomizations", "authorization",
                    "signingSecret", "batchSize"),
            KafkaDestination.TYPE, Set.of("bootstrapServers", "topic", "tls", "authorization"),
            EventHubsDestination.TYPE, Set.of("authorization"),
            PostgresDestination.TYPE, Set.of("url", "username", "password", "table"),
            BlobStorageDestination.TYPE, Set.of("authorization"),
            FolderDestination.TYPE, Set.of("path"));

    private DestinationJson() {
    }

    public static ObjectNode write(Destination destination, SecretSlots secrets) {
        ObjectNode json = Json.object();
        json.put("id", destination.id());
        json.put("displayName", destination.displayName());
        json.put("type", destination.type());
        switch (destination) {
            case WebhookDestination w -> WebhookJson.write(json, w, secrets);
            case KafkaDestination k -> KafkaJson.write(json, k, secrets);
            case EventHubsDestination e -> KafkaJson.write(json, e, secrets);
            case PostgresDestination p -> PostgresJson.write(json, p, secrets);
            case BlobStorageDestination b -> BlobJson.write(json, b, secrets);
            case FolderDestination f -> BlobJson.write(json, f);
        }
        return json;
    }

    /** Reads a destination named {@code id} (the body's own {@code id} is read-only and ignored). */
    public static Destination read(String id, ObjectNode json, SecretSlots secrets) {
        String type = text(json, "type").orElseThrow(() -> DomainException.badRequest("a destination needs a 'type'"));
        String displayName = text(json, "displayName")
                .orElseThrow(() -> DomainException.badRequest("a destination needs a 'displayName'"));
        if (UNSUPPORTED.containsKey(type)) {
            throw DomainException.badRequest("destination type '" + type + "' is not supported: "
                    + UNSUPPORTED.get(type));
        }
        Set<String> members = MEMBERS.get(type);
        if (members == null) {
            throw DomainException.badRequest("unknown destination type '" + type + "'");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!COMMON.contains(name) && !members.contains(name)) {
                throw DomainException.badRequest("unknown member '" + name + "' of a " + type + " destination");
            }
        });
        return switch (type) {
            case WebhookDestination.TYPE -> WebhookJson.read(id, displayName, json, secrets);
            case KafkaDestination.TYPE -> KafkaJson.readKafka(id, displayName, json, secrets);
            case EventHubsDestination.TYPE -> KafkaJson.readEventHubs(id, displayName, json, secrets);
            case PostgresDestination.TYPE -> PostgresJson.read(id, displayName, json, secrets);
            case BlobStorageDestination.TYPE -> BlobJson.readBlob(id, displayName, json, secrets);
            case FolderDestination.TYPE -> BlobJson.readFolder(id, displayName, json);
            default -> throw new IllegalStateException("no reader for " + type);
        };
    }

    /** The object member {@code member}, if present (a 400 when it is not an object). */
    static Optional<ObjectNode> object(ObjectNode json, String member) {
        JsonNode node = json.get(member);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw DomainException.badRequest("'" + member + "' must be an object");
        }
        return Optional.of((ObjectNode) node);
    }

    static String required(ObjectNode json, String member) {
        return text(json, member).orElseThrow(() -> DomainException.badRequest("'" + member + "' is required"));
    }

    static URI uri(ObjectNode json, String member) {
        String text = required(json, member);
        try {
            return new URI(text);
        } catch (URISyntaxException e) {
            throw DomainException.badRequest("'" + member + "' is not a URL: " + e.getReason());
        }
    }

    static Optional<String> text(ObjectNode json, String member) {
        JsonNode value = json.get(member);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw DomainException.badRequest("'" + member + "' must be a string");
        }
        return Optional.of(value.asText());
    }
}
