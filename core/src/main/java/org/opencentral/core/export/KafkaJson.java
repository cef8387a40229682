package org.opencentral.core.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;

/**
 * The members of the destinations OpenCentral sends to with the Kafka protocol. {@code kafka@v1}:
 * {@code bootstrapServers} (an array of {@code host:port}), {@code topic}, {@code tls} (default false)
 * and an optional {@code authorization} {@code {type: "saslPlain", username, password}}.
 * {@code eventhubs@v1}: IoT Central's {@code authorization} {@code {type: "connectionString",
 * connectionString}}; a managed identity is refused (there is none outside Azure). The password and
 * the connection string are secrets in slot {@code authorization}.
 */
final class KafkaJson {
    private static final String SLOT = "authorization";

    private KafkaJson() {
    }

    static void write(ObjectNode json, KafkaDestination k, SecretSlots secrets) {
        k.bootstrapServers().forEach(json.putArray("bootstrapServers")::add);
        json.put("topic", k.topic());
        json.put("tls", k.tls());
        k.sasl().ifPresent(sasl -> json.putObject("authorization").put("type", "saslPlain")
                .put("username", sasl.username()).put("password", secrets.write(k.id(), SLOT, sasl.password())));
    }

    static void write(ObjectNode json, EventHubsDestination e, SecretSlots secrets) {
        json.putObject("authorization").put("type", "connectionString")
                .put("connectionString", secrets.write(e.id(), SLOT, e.connectionString()));
    }

    static KafkaDestination readKafka(String id, String displayName, ObjectNode json, SecretSlots secrets) {
        JsonNode servers = json.get("bootstrapServers");
        if (servers == null || !servers.isArray()) {
            throw DomainException.badRequest("'bootstrapServers' must be an array of host:port");
        }
        List<String> list = new ArrayList<>();
        servers.forEach(server -> {
            if (!server.isTextual()) {
                throw DomainException.badRequest("'bootstrapServers' must be an array of host:port");
            }
            list.add(server.asText());
        });
        JsonNode tls = json.path("tls");
        if (!tls.isMissingNode() && !tls.isNull() && !tls.isBoolean()) {
            throw DomainException.badRequest("'tls' must be a boolean");
        }
        Optional<KafkaDestination.Sasl> sasl = DestinationJson.object(json, "authorization").map(auth -> {
            String type = DestinationJson.text(auth, "type").orElse("");
            if (!type.equals("saslPlain")) {
                throw DomainException.badRequest("kafka@v1 authorization type must be 'saslPlain', not '" + type + "'");
            }
            return new KafkaDestination.Sasl(DestinationJson.required(auth, "username"),
                    secrets.read(id, SLOT, DestinationJson.required(auth, "password")));
        });
        return new KafkaDestination(id, displayName, list, DestinationJson.required(json, "topic"), sasl,
                tls.asBoolean(false));
    }

    static EventHubsDestination readEventHubs(String id, String displayName, ObjectNode json, SecretSlots secrets) {
        ObjectNode auth = DestinationJson.object(json, "authorization")
                .orElseThrow(() -> DomainException.badRequest("an eventhubs@v1 destination needs 'authorization'"));
        String type = DestinationJson.text(auth, "type").orElse("");
        return switch (type) {
            case "connectionString" -> new EventHubsDestination(id, displayName,
                    secrets.read(id, SLOT, DestinationJson.required(auth, "connectionString")));
            case "systemAssignedManagedIdentity" -> throw DomainException.badRequest("eventhubs@v1 authorization "
                    + "'systemAssignedManagedIdentity' is not supported: OpenCentral runs outside Azure and has no "
                    + "managed identity; use a connection string");
            default -> throw DomainException.badRequest("eventhubs@v1 authorization type must be 'connectionString', "
                    + "not '" + type + "'");
        };
    }
}
