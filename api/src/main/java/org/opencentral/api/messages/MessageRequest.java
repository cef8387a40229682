package org.opencentral.api.messages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;
import org.opencentral.platform.c2d.CloudToDeviceService;

/** A validated cloud-to-device message request: body bytes, application properties and time to live. */
public record MessageRequest(byte[] body, Map<String, String> properties, Duration ttl) {
    /** IoT Hub's longest cloud-to-device TTL. */
    public static final Duration MAX_TTL = Duration.ofDays(2);

    public MessageRequest {
        body = body.clone();
        properties = Map.copyOf(properties);
        Objects.requireNonNull(ttl, "ttl");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public static MessageRequest of(ObjectNode json) {
        JsonNode data = json.get("data");
        if (data == null) {
            throw ApiError.badRequest("'data' is required: the message body, any JSON value");
        }
        byte[] body = data.isTextual() ? data.asText().getBytes(StandardCharsets.UTF_8)
                : Json.write(data).getBytes(StandardCharsets.UTF_8);
        return new MessageRequest(body, properties(json.get("properties")), ttl(json.get("ttl")));
    }

    private static Map<String, String> properties(JsonNode node) {
        Map<String, String> properties = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return properties;
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.badRequest("'properties' must be an object of strings");
        }
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            if (!member.getValue().isTextual()) {
                throw ApiError.badRequest("property '" + member.getKey() + "' must be a string");
            }
            properties.put(member.getKey(), member.getValue().asText());
        }
        return properties;
    }

    private static Duration ttl(JsonNode node) {
        if (node == null || node.isNull()) {
            return CloudToDeviceService.DEFAULT_TTL;
        }
        Duration ttl;
        try {
            ttl = Duration.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("'ttl' must be an ISO-8601 duration such as PT1H");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw ApiError.badRequest("'ttl' must be positive and at most " + MAX_TTL);
        }
        return ttl;
    }
}
