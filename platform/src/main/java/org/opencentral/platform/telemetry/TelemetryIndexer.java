package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
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
 * capabilities, the type is the JSON type. Bodies are parsed once for all consumers
 * ({@link TelemetryParses}).
 */
public final class TelemetryIndexer implements LogConsumer {
    private final TelemetryStore store;
    private final TelemetryParses parses;

    public TelemetryIndexer(TelemetryStore store, TelemetryParses parses) {
        this.store = store;
        this.parses = parses;
    }

    @Override
    public String name() {
        return "telemetry-index";
    }

    @Override
    public void handle(List<LoggedEvent> batch) {
        List<TelemetryPoint> points = new ArrayList<>(batch.size() * 8);
        for (LoggedEvent logged : batch) {
            if (logged.event() instanceof TelemetryReceived telemetry) {
                ParsedTelemetry parsed = parses.parse(logged, telemetry);
                for (ParsedTelemetry.Member member : parsed.members()) {
                    add(parsed, member.name(), member.value(), points);
                }
            }
        }
        store.append(points);
    }

    private static void add(ParsedTelemetry message, String path, JsonNode node, List<TelemetryPoint> into) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                add(message, path + "." + member.getKey(), member.getValue(), into);
            }
        } else if (!path.isEmpty()) {
            valueOf(node).ifPresent(value -> into.add(new TelemetryPoint(
                    new SeriesKey(message.message().deviceId(), message.component(), path), message.timestamp(),
                    value)));
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
