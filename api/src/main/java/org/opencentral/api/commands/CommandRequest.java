package org.opencentral.api.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.opencentral.api.http.ApiError;
import org.opencentral.core.Json;

/**
 * A validated DeviceCommand request: {@code request} (any JSON, absent allowed),
 * {@code connectionTimeout} 0..30 s (default 0) and {@code responseTimeout} 5..30 s (default 30).
 */
public record CommandRequest(JsonNode request, int connectionTimeout, int responseTimeout) {
    public static final int DEFAULT_CONNECTION_TIMEOUT = 0;
    public static final int DEFAULT_RESPONSE_TIMEOUT = 30;

    public CommandRequest {
        Objects.requireNonNull(request, "request");
        check("connectionTimeout", connectionTimeout, 0, 30);
        check("responseTimeout", responseTimeout, 5, 30);
    }

    /** Reads a body; an empty body is a request without payload and default timeouts. */
    public static CommandRequest of(JsonNode body) {
        if (body.isMissingNode()) {
            return new CommandRequest(MissingNode.getInstance(), DEFAULT_CONNECTION_TIMEOUT, DEFAULT_RESPONSE_TIMEOUT);
        }
        if (!(body instanceof ObjectNode object)) {
            throw ApiError.badRequest("the command body must be a JSON object {\"request\": …}");
        }
        return new CommandRequest(object.path("request"),
                seconds(object, "connectionTimeout", DEFAULT_CONNECTION_TIMEOUT),
                seconds(object, "responseTimeout", DEFAULT_RESPONSE_TIMEOUT));
    }

    /** The request as IoT Central's DeviceCommand body ({@code request} only when present). */
    public ObjectNode toJson() {
        ObjectNode body = Json.object();
        if (!request.isMissingNode()) {
            body.set("request", request);
        }
        body.put("connectionTimeout", connectionTimeout);
        body.put("responseTimeout", responseTimeout);
        return body;
    }

    private static int seconds(ObjectNode body, String name, int fallback) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw ApiError.badRequest(name + " must be an integer number of seconds");
        }
        return value.asInt();
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiError.badRequest(name + " must be between " + min + " and " + max + " seconds, not " + value);
        }
    }
}
