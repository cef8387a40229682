package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-only status of an export or destination in IoT Central's shape: {@code status}
 * ({@code healthy}, {@code partiallyHealthy}, {@code error}, {@code starting}, {@code disabled},
 * {@code notStarted}), the {@code errors} behind it and the time of the last message sent.
 */
public record ExportStatus(String status, List<Error> errors, Optional<Instant> lastExportTime) {
    public static final ExportStatus NOT_STARTED = new ExportStatus("notStarted", List.of(), Optional.empty());
    public static final ExportStatus DISABLED = new ExportStatus("disabled", List.of(), Optional.empty());

    public ExportStatus {
        Objects.requireNonNull(status, "status");
        errors = List.copyOf(errors);
        Objects.requireNonNull(lastExportTime, "lastExportTime");
    }

    /** Adds {@code status}, {@code errors} ({@code code}, {@code message}) and {@code lastExportTime} to {@code json}. */
    public ObjectNode writeTo(ObjectNode json) {
        json.put("status", status);
        if (!errors.isEmpty()) {
            var list = json.putArray("errors");
            errors.forEach(error -> list.addObject().put("code", error.code()).put("message", error.message()));
        }
        lastExportTime.ifPresent(time -> json.put("lastExportTime", time.toString()));
        return json;
    }

    /** One of {@code errors}: {@code deliveryFailed} (the destination refuses) or {@code transformFailed}. */
    public record Error(String code, String message) {
        public static final String DELIVERY_FAILED = "deliveryFailed";
        public static final String TRANSFORM_FAILED = "transformFailed";

        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }
}
