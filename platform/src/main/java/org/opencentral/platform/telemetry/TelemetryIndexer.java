package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.platform.eventlog.LogConsumer;

/**
 * Feeds the telemetry history from the event log: every member of a JSON object message becomes a
 * typed point (numbers, booleans, strings; nested objects flattened to dotted paths such as
 * {@code location.lat}; arrays kept as their JSON text; nulls skipped), timed like
 * {@link LastValueProjection}. One log batch is one store append. Until device templates type the
 * capabilities, the type is the JSON type.
 */
public final class TelemetryIndexer implements LogConsumer {
    private final TelemetryStore store;

    public TelemetryIndexer(TelemetryStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "telemetry-index";
    }

    @Override
    public void handle(List<LoggedEvent> batch) {
        List<TelemetryPoint> points = new ArrayList<>();
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof TelemetryReceived telemetry) {
                TelemetryMessages.jsonObject(telemetry).ifPresent(body -> flatten(telemetry, body, points));
            }
        }
        store.append(points);
    }

    private static void flatten(TelemetryReceived telemetry, JsonNode body, List<TelemetryPoint> into) {
        Instant time = TelemetryMessages.timestampOf(telemetry);
        String component = TelemetryMessages.componentOf(telemetry);
        flatten(telemetry, component, time, "", body, into);
    }

    private static void flatten(TelemetryReceived telemetry, String component, Instant time, String prefix,
            JsonNode object, List<TelemetryPoint> into) {
        for (Map.Entry<String, JsonNode> member : object.properties()) {
            String path = prefix + member.getKey();
            JsonNode node = member.getValue();
            if (node.isObject()) {
                flatten(telemetry, component, time, path + ".", node, into);
            } else if (!path.isEmpty()) {
                valueOf(node).ifPresent(value -> into.add(new TelemetryPoint(
                        new SeriesKey(telemetry.deviceId(), component, path), time, value)));
            }
        }
    }

    private static Optional<TelemetryValue> valueOf(JsonNode node) {
        if (TelemetryMessages.isNumber(node)) {
            return Optional.of(TelemetryValue.of(node.asDouble()));
        }
        if (node.isBoolean()) {
            return Optional.of(TelemetryValue.of(node.booleanValue()));
        }
        if (node.isTextual()) {
            return Optional.of(TelemetryValue.of(node.textValue()));
        }
        if (node.isArray()) {
            return Optional.of(TelemetryValue.of(node.toString()));
        }
        return Optional.empty();
    }
}
