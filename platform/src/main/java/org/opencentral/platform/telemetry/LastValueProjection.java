package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.LastValue;
import org.opencentral.core.store.LastValueStore;
import org.opencentral.platform.eventlog.LogConsumer;

/**
 * Keeps the last known value of every telemetry member of every device: each top-level member of a
 * JSON object message is one value, timestamped by {@code iothub-creation-time-utc} when the device
 * set it, else by the time the platform accepted the message. Non-JSON bodies have no values.
 */
public final class LastValueProjection implements LogConsumer {
    public static final String CREATION_TIME = "iothub-creation-time-utc";

    private final LastValueStore store;

    public LastValueProjection(LastValueStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "last-values";
    }

    @Override
    public void handle(List<LoggedEvent> batch) {
        List<LastValue> values = new ArrayList<>();
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof TelemetryReceived telemetry) {
                collect(telemetry, values);
            }
        }
        if (!values.isEmpty()) {
            store.upsert(values);
        }
    }

    private static void collect(TelemetryReceived telemetry, List<LastValue> into) {
        JsonNode body;
        try {
            body = Json.parse(telemetry.body());
        } catch (DomainException notJson) {
            return;
        }
        if (!(body instanceof ObjectNode object)) {
            return;
        }
        Instant timestamp = timestampOf(telemetry);
        String component = telemetry.component().orElse("");
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            into.add(new LastValue(telemetry.deviceId(), component, member.getKey(), member.getValue(), timestamp));
        }
    }

    private static Instant timestampOf(TelemetryReceived telemetry) {
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
}
