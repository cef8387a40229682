package org.opencentral.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.opencentral.core.DomainException;

/**
 * {@code webhook@v1}'s members: {@code url}, query and header customizations (secret ones in slots
 * {@code query/{name}} and {@code header/{name}}), {@code authorization} (its secret in slot
 * {@code authorization}) and OpenCentral's {@code signingSecret} (slot {@code signingSecret}).
 */
final class WebhookJson {
    private static final String SIGNING = "signingSecret";

    private WebhookJson() {
    }

    static WebhookDestination read(String id, String displayName, ObjectNode json, SecretSlots secrets) {
        return new WebhookDestination(id, displayName, DestinationJson.uri(json, "url"),
                customizations(id, json, "queryCustomizations", "query/", secrets),
                customizations(id, json, "headerCustomizations", "header/", secrets),
                authorization(id, json, secrets),
                DestinationJson.text(json, SIGNING).map(secret -> secrets.read(id, SIGNING, secret)),
                batchSize(json));
    }

    private static int batchSize(ObjectNode json) {
        JsonNode node = json.get("batchSize");
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isInt()) {
            throw DomainException.badRequest("a webhook's 'batchSize' must be an integer from 1 to "
                    + WebhookDestination.MAX_BATCH);
        }
        return node.intValue();
    }

    static void write(ObjectNode json, WebhookDestination w, SecretSlots secrets) {
        json.put("url", w.url().toString());
        w.signingSecret().ifPresent(secret -> json.put("signingSecret", secrets.write(w.id(), SIGNING, secret)));
        if (w.batched()) {
            json.put("batchSize", w.batchSize());
        }
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

    private static Optional<WebhookAuthorization> authorization(String id, ObjectNode json, SecretSlots secrets) {
        Optional<ObjectNode> node = DestinationJson.object(json, "authorization");
        if (node.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode auth = node.get();
        String type = DestinationJson.text(auth, "type").orElse("");
        return Optional.of(switch (type) {
            case "header" -> new WebhookAuthorization.Header(
                    secrets.read(id, "authorization", DestinationJson.text(auth, "value").orElse("")));
            case "oauth" -> new WebhookAuthorization.OAuth(DestinationJson.uri(auth, "tokenUrl"),
                    DestinationJson.text(auth, "clientId").orElse(""),
                    secrets.read(id, "authorization", DestinationJson.text(auth, "clientSecret").orElse("")),
                    DestinationJson.text(auth, "audience"), DestinationJson.text(auth, "scope"),
                    DestinationJson.text(auth, "requestType"));
            default -> throw DomainException.badRequest("webhook authorization type must be 'header' or 'oauth', not '"
                    + type + "'");
        });
    }
}
