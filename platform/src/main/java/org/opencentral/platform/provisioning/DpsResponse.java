package org.opencentral.platform.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;

/**
 * A DPS answer, whatever carries it: status (MQTT {@code res/{status}}, HTTP status), JSON body and
 * {@code retry-after} seconds. Errors have DPS's body
 * {@code {"errorCode","trackingId","message","timestampUtc"}}, which the SDKs parse.
 */
public record DpsResponse(int status, ObjectNode body, OptionalInt retryAfterSeconds) {
    public DpsResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(retryAfterSeconds, "retryAfterSeconds");
        body = body.deepCopy();
    }

    @Override
    public ObjectNode body() {
        return body.deepCopy();
    }

    static DpsResponse accepted(String operationId, int retryAfter) {
        return new DpsResponse(202, Json.object().put("operationId", operationId).put("status", "assigning"),
                OptionalInt.of(retryAfter));
    }

    static DpsResponse ok(ObjectNode body) {
        return new DpsResponse(200, body, OptionalInt.empty());
    }

    static DpsResponse error(ErrorCode code, String message, Instant now) {
        return error(code, message, now, OptionalInt.empty());
    }

    static DpsResponse error(ErrorCode code, String message, Instant now, OptionalInt retryAfter) {
        ObjectNode body = Json.object().put("errorCode", code.iotHubCode())
                .put("trackingId", UUID.randomUUID().toString()).put("message", message)
                .put("timestampUtc", now.toString());
        return new DpsResponse(code.httpStatus(), body, retryAfter);
    }
}
