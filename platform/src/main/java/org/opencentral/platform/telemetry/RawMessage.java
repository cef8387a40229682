package org.opencentral.platform.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;

/**
 * One stored message of a device as its raw data shows it: a telemetry message (its body as text,
 * its application properties and, when the body is not a JSON object, the {@code error} that makes
 * its values unreadable), or a connection change ({@code reason} for a disconnection). Whether the
 * members of a JSON object are modeled is for the reader to decide against the template.
 */
public record RawMessage(long sequence, Instant time, Kind kind, Optional<String> component, String body,
        Map<String, String> properties, Optional<String> reason, Optional<String> error) {
    public static final String NOT_JSON = "the message is not valid JSON";
    public static final String EMPTY = "the message is empty";
    public static final String NOT_AN_OBJECT = "the message is JSON but not an object, so it has no named values";

    /** What the message is; {@link #wireName()} is how the REST API spells it. */
    public enum Kind {
        TELEMETRY("telemetry"), CONNECTED("connected"), DISCONNECTED("disconnected");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public RawMessage {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1");
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(body, "body");
        properties = Map.copyOf(properties);
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(error, "error");
    }

    /**
     * The raw-data view of a logged event; empty for the kinds raw data does not show: property
     * changes, lifecycle and audit. Cloud property changes are not shown either: they are written
     * by the platform and never reach or come from the device, so they are no device message.
     */
    public static Optional<RawMessage> of(LoggedEvent logged) {
        long seq = logged.sequence();
        return switch (logged.event()) {
            case PlatformEvent.TelemetryReceived t -> Optional.of(new RawMessage(seq, t.time(), Kind.TELEMETRY,
                    t.component(), new String(t.body(), StandardCharsets.UTF_8), t.applicationProperties(),
                    Optional.empty(), errorOf(t.body())));
            case PlatformEvent.DeviceConnected c -> Optional.of(new RawMessage(seq, c.time(), Kind.CONNECTED,
                    Optional.empty(), "", Map.of(), Optional.empty(), Optional.empty()));
            case PlatformEvent.DeviceDisconnected d -> Optional.of(new RawMessage(seq, d.time(), Kind.DISCONNECTED,
                    Optional.empty(), "", Map.of(), Optional.of(d.reason()), Optional.empty()));
            case PlatformEvent.ReportedPropertiesUpdated r -> Optional.empty();
            case PlatformEvent.DesiredPropertiesUpdated d -> Optional.empty();
            case PlatformEvent.CloudPropertiesUpdated c -> Optional.empty();
            case PlatformEvent.DeviceLifecycle l -> Optional.empty();
            case PlatformEvent.TemplateLifecycle t -> Optional.empty();
            case PlatformEvent.AuditRecorded a -> Optional.empty();
        };
    }

    /**
     * Why a telemetry body has no named values, if it has none: not JSON (as the telemetry views
     * read it, trailing content included), empty, or JSON that is not an object.
     */
    public static Optional<String> errorOf(byte[] body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return Optional.of(NOT_JSON);
        }
        if (node == null || node.isMissingNode()) {
            return Optional.of(EMPTY);
        }
        return node.isObject() ? Optional.empty() : Optional.of(NOT_AN_OBJECT);
    }
}
