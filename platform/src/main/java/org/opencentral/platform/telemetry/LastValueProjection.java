package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    public static final String CREATION_TIME = TelemetryMessages.CREATION_TIME;

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
        TelemetryMessages.jsonObject(telemetry).ifPresent(object -> {
            Instant timestamp = TelemetryMessages.timestampOf(telemetry);
            String component = TelemetryMessages.componentOf(telemetry);
            for (Map.Entry<String, JsonNode> member : object.properties()) {
                into.add(new LastValue(telemetry.deviceId(), component, member.getKey(), member.getValue(), timestamp));
            }
        });
    }
}
