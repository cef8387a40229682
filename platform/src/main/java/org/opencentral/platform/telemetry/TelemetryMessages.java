package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;

/**
 * How telemetry views read a device-to-cloud message: its body counts only when it is a JSON
 * object, and its time is {@code iothub-creation-time-utc} when the device set a valid one, else the
 * time the platform accepted the message.
 */
final class TelemetryMessages {
    static final String CREATION_TIME = "iothub-creation-time-utc";
    /**
     * {@link Json#MAPPER}'s reading configuration, straight from the UTF-8 bytes, with Jackson's fast
     * (and still correctly rounded) number parser: telemetry is mostly numbers.
     */
    private static final ObjectReader BODY = Json.MAPPER.reader().with(StreamReadFeature.USE_FAST_DOUBLE_PARSER);

    private TelemetryMessages() {
    }

    static Optional<ObjectNode> jsonObject(TelemetryReceived telemetry) {
        try {
            return BODY.readTree(telemetry.body()) instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    static Instant timestampOf(TelemetryReceived telemetry) {
        String created = telemetry.applicationProperties().get(CREATION_TIME);
        if (created != null) {
            try {
                return Instant.parse(created);
            } catch (DateTimeParseException ignored) {
                // a malformed device timestamp falls back to the time the platform accepted the message
            }
        }
        return telemetry.time();
    }

    /** The component of the message, {@code ""} for the default component. */
    static String componentOf(TelemetryReceived telemetry) {
        return telemetry.component().orElse("");
    }

    static boolean isNumber(JsonNode node) {
        return node.isNumber() && Double.isFinite(node.asDouble());
    }
}
