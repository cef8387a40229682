package org.opencentral.api.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.opencentral.core.Json;

/** IoT Central's error body: {@code {"error":{"code","message","requestId","time"}}}, time in RFC 1123. */
public record ErrorBody(String code, String message, String requestId, Instant time) {
    public ObjectNode toJson() {
        ObjectNode error = Json.object();
        error.put("code", code);
        error.put("message", message);
        error.put("requestId", requestId);
        error.put("time", DateTimeFormatter.RFC_1123_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)));
        ObjectNode body = Json.object();
        body.set("error", error);
        return body;
    }
}
