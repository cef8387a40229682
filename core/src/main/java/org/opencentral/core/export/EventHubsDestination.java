package org.opencentral.core.export;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.opencentral.core.DomainException;

/**
 * {@code eventhubs@v1}: an event hub reached with a connection string
 * ({@code Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=…;SharedAccessKey=…;EntityPath=hub},
 * a write-only secret). OpenCentral sends to it through Event Hubs' Kafka endpoint, {@link #bootstrapServer()}.
 */
public record EventHubsDestination(String id, String displayName, String connectionString) implements Destination {
    public static final String TYPE = "eventhubs@v1";
    /** The port of Event Hubs' Kafka endpoint. */
    public static final int KAFKA_PORT = 9093;

    public EventHubsDestination {
        ExportIds.check("destination", id);
        ExportIds.displayName("destination", displayName);
        parts(connectionString);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Without the connection string (it holds the key), so that it never reaches a log. */
    @Override
    public String toString() {
        return "EventHubsDestination[id=" + id + ", displayName=" + displayName + ", eventHub=" + eventHub()
                + " at " + bootstrapServer() + "]";
    }

    /** The namespace's Kafka endpoint, {@code ns.servicebus.windows.net:9093}. */
    public String bootstrapServer() {
        return URI.create(parts(connectionString).get("Endpoint")).getHost() + ":" + KAFKA_PORT;
    }

    /** The event hub, which is the Kafka topic. */
    public String eventHub() {
        return parts(connectionString).get("EntityPath");
    }

    /** The connection string's {@code key=value} parts; a 400 naming what is missing or malformed. */
    private static Map<String, String> parts(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            throw DomainException.badRequest("an eventhubs@v1 destination needs a 'connectionString'");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : connectionString.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw DomainException.badRequest("the Event Hubs connection string has a part that is not key=value");
            }
            parts.put(part.substring(0, equals).trim(), part.substring(equals + 1).trim());
        }
        for (String key : new String[] {"Endpoint", "SharedAccessKeyName", "SharedAccessKey", "EntityPath"}) {
            if (parts.getOrDefault(key, "").isEmpty()) {
                throw DomainException.badRequest("the Event Hubs connection string needs '" + key + "'");
            }
        }
        URI endpoint;
        try {
            endpoint = new URI(parts.get("Endpoint"));
        } catch (java.net.URISyntaxException e) {
            throw DomainException.badRequest("the Event Hubs connection string's Endpoint is not a URL");
        }
        if (!"sb".equalsIgnoreCase(endpoint.getScheme()) || endpoint.getHost() == null) {
            throw DomainException.badRequest("the Event Hubs connection string's Endpoint must be sb://{namespace host}/");
        }
        return parts;
    }
}
