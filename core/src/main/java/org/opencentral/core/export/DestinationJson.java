package org.opencentral.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;

/**
 * Destinations in IoT Central's JSON shape ({@code 2022-10-31-preview}), secrets passed through
 * {@link SecretSlots}. Types OpenCentral does not deliver to are refused with a 400 naming them.
 */
public final class DestinationJson {
    /** IoT Central's destination types that OpenCentral refuses, and why. */
    public static final Map<String, String> UNSUPPORTED = Map.of(
            "servicebusqueue@v1", "no Service Bus (AMQP 1.0) counterpart runs here to deliver to",
            "servicebustopic@v1", "no Service Bus (AMQP 1.0) counterpart runs here to deliver to",
            "dataexplorer@v1", "no Azure Data Explorer counterpart runs here to deliver to",
            "eventhubs@v1", "not implemented yet",
            "blobstorage@v1", "not implemented yet");
    private static final Set<String> WEBHOOK_MEMBERS = Set.of("id", "displayName", "type", "url",
            "queryCustomizations", "headerCustomizations", "authorization", "status", "errors", "lastExportTime");

    private DestinationJson() {
    }

    public static ObjectNode write(Destination destination, SecretSlots secrets) {
        ObjectNode json = Json.object();
        json.put("id", destination.id());
        json.put("displayName", destination.displayName());
        json.put("type", destination.type());
        switch (destination) {
            case WebhookDestination w -> writeWebhook(json, w, secrets);
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
        if (!type.equals(WebhookDestination.TYPE)) {
            throw DomainException.badRequest("unknown destination type '" + type + "'");
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!WEBHOOK_MEMBERS.contains(name)) {
                throw DomainException.badRequest("unknown member '" + name + "' of a " + type + " destination");
            }
        });
        return new WebhookDestination(id, displayName, uri(json, "url"),
                customizations(id, json, "queryCustomizations", "query/", secrets),
                customizations(id, json, "headerCustomizations", "header/", secrets),
                authorization(id, json.get("authorization"), secrets));
    }

    private static void writeWebhook(ObjectNode json, WebhookDestination w, SecretSlots secrets) {
        json.put("url", w.url().toString());
        writeCustomizations(json.putObject("queryCustomizations"), w.id(), "query/", w.query(), secrets);
        writeCustomizations(json.putObject("headerCustomizations"), w.id(), "header/", w.headers(), secrets);
        w.authorization().ifPresent(a -> {
            ObjectNode auth = json.putObject("authorization");
            switch (a) {
                case WebhookAuthorization.Header h -> auth.put("type", "header")
                        .put("value", secrets.write(w.id(), "authorization", h.value()));
                case WebhookAuthorization.OAuth o -> {
                    auth.put("type", "oauth").put("tokenUrl", o.tokenUrl().toString()).put("clientId", o.clientId())
                            .put("clientSecret", secrets.write(w.id(), "authorization", o.clientSecret()));
                    o.audience().ifPresent(v -> auth.put("audience", v));
                    o.scope().ifPresent(v -> auth.put("scope", v));
                    o.requestType().ifPresent(v -> auth.put("requestType", v));
                }
            }
        });
    }

    private static void writeCustomizations(ObjectNode out, String id, String prefix, Map<String, Customization> items,
            SecretSlots secrets) {
        items.forEach((name, c) -> {
            ObjectNode item = out.putObject(name);
            item.put("value", c.secret() ? secrets.write(id, prefix + name, c.value()) : c.value());
            if (c.secret()) {
                item.put("secret", true);
            }
        });
    }

    private static Map<String, Customization> customizations(String id, ObjectNode json, String member,
            String prefix, SecretSlots secrets) {
        Map<String, Customization> items = new TreeMap<>();
        JsonNode node = json.get(member);
        if (node == null || node.isNull()) {
            return items;
        }
        if (!node.isObject()) {
            throw DomainException.badRequest("'" + member + "' must be an object");
        }
        node.properties().forEach(e -> {
            JsonNode value = e.getValue().get("value");
            JsonNode secret = e.getValue().path("secret");
            if (value == null || !value.isTextual()) {
                throw DomainException.badRequest("'" + member + "." + e.getKey() + ".value' must be a string");
            }
            if (!secret.isMissingNode() && !secret.isBoolean()) {
                throw DomainException.badRequest("'" + member + "." + e.getKey() + ".secret' must be a boolean");
            }
            boolean isSecret = secret.asBoolean(false);
            items.put(e.getKey(), new Customization(isSecret ? secrets.read(id, prefix + e.getKey(), value.asText())
                    : value.asText(), isSecret));
        });
        return items;
    }

    private static Optional<WebhookAuthorization> authorization(String id, JsonNode node, SecretSlots secrets) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw DomainException.badRequest("'authorization' must be an object");
        }
        ObjectNode auth = (ObjectNode) node;
        String type = text(auth, "type").orElse("");
        return Optional.of(switch (type) {
            case "header" -> new WebhookAuthorization.Header(
                    secrets.read(id, "authorization", text(auth, "value").orElse("")));
            case "oauth" -> new WebhookAuthorization.OAuth(uri(auth, "tokenUrl"), text(auth, "clientId").orElse(""),
                    secrets.read(id, "authorization", text(auth, "clientSecret").orElse("")),
                    text(auth, "audience"), text(auth, "scope"), text(auth, "requestType"));
            default -> throw DomainException.badRequest("webhook authorization type must be 'header' or 'oauth', not '"
                    + type + "'");
        });
    }

    private static URI uri(ObjectNode json, String member) {
        String text = text(json, member).orElseThrow(() -> DomainException.badRequest("'" + member + "' is required"));
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
