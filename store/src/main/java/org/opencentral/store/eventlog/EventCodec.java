package org.opencentral.store.eventlog;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DeviceEvent;
import org.opencentral.core.event.PlatformEvent.DesiredPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;

/**
 * Maps each {@link PlatformEvent} kind to {@link EncodedEvent} columns and back. The kind names
 * and payload fields are a storage format: change them only with a migration of existing logs, or
 * so that rows written before still decode (telemetry's empty property maps are left out of the
 * payload since issue 8; rows that spell them out as {@code {}} decode the same).
 * Instants keep their nanoseconds; JSON numbers come back as Jackson parses them (an int-sized
 * {@code LongNode} returns as an {@code IntNode}).
 */
public final class EventCodec {
    public static final String TELEMETRY = "telemetry";
    public static final String REPORTED = "reportedProperties";
    public static final String DESIRED = "desiredProperties";
    public static final String CLOUD = "cloudProperties";
    public static final String CONNECTED = "connected";
    public static final String DISCONNECTED = "disconnected";
    public static final String LIFECYCLE = "deviceLifecycle";
    public static final String AUDIT = "audit";
    public static final String TEMPLATE_LIFECYCLE = "templateLifecycle";

    private static final byte[] NO_BODY = new byte[0];
    private static final String EMPTY_PAYLOAD = "{}";
    private static final JsonStringEncoder STRINGS = JsonStringEncoder.getInstance();

    private EventCodec() {
    }

    public static EncodedEvent encode(PlatformEvent event) {
        return switch (event) {
            case TelemetryReceived t ->
                    new EncodedEvent(t.time(), TELEMETRY, t.deviceId().value(), telemetryPayload(t), t.body());
            case ReportedPropertiesUpdated r -> row(r, REPORTED, patch(r.patch()).put("version", r.version()));
            case DesiredPropertiesUpdated d -> row(d, DESIRED, patch(d.patch()).put("version", d.version()));
            case CloudPropertiesUpdated c -> {
                ObjectNode payload = Json.object();
                c.component().ifPresent(component -> payload.put("component", component));
                payload.set("patch", c.patch());
                yield row(c, CLOUD, payload);
            }
            case DeviceConnected c -> row(c, CONNECTED, Json.object());
            case DeviceDisconnected d -> row(d, DISCONNECTED, Json.object().put("reason", d.reason()));
            case DeviceLifecycle l -> row(l, LIFECYCLE, Json.object().put("change", l.change().name()));
            case AuditRecorded a -> {
                ObjectNode payload = Json.object().put("auditSequence", a.auditSequence());
                payload.set("entry", a.entry());
                yield row(a, AUDIT, payload);
            }
            case TemplateLifecycle t -> {
                ObjectNode payload = Json.object().put("templateId", t.templateId()).put("change", t.change().name());
                t.etag().ifPresent(etag -> payload.put("etag", etag));
                yield row(t, TEMPLATE_LIFECYCLE, payload);
            }
        };
    }

    private static ObjectNode patch(ObjectNode patch) {
        ObjectNode payload = Json.object();
        payload.set("patch", patch);
        return payload;
    }

    /** An event other than telemetry: no body, its fields in a JSON payload. */
    private static EncodedEvent row(PlatformEvent event, String kind, ObjectNode payload) {
        String device = event instanceof DeviceEvent d ? d.deviceId().value() : EncodedEvent.NO_DEVICE;
        return new EncodedEvent(event.time(), kind, device, payload.toString(), NO_BODY);
    }

    /**
     * A telemetry message's payload, written directly rather than through a Jackson tree and generator: this runs
     * for every message on the acknowledgement path, where the tree and the generator were a tenth of the bytes
     * allocated per message. The same JSON as the tree gave (fields in this order, empty maps left out).
     */
    private static String telemetryPayload(TelemetryReceived t) {
        if (t.component().isEmpty() && t.applicationProperties().isEmpty() && t.systemProperties().isEmpty()) {
            return EMPTY_PAYLOAD;
        }
        StringBuilder json = new StringBuilder(64).append('{');
        t.component().ifPresent(component -> quoted(quoted(json, "component").append(':'), component));
        putUnlessEmpty(json, "applicationProperties", t.applicationProperties());
        putUnlessEmpty(json, "systemProperties", t.systemProperties());
        return json.append('}').toString();
    }

    /** Empty maps are left out: most telemetry has none, and a short payload is a cheaper row. */
    private static void putUnlessEmpty(StringBuilder json, String field, Map<String, String> map) {
        if (map.isEmpty()) {
            return;
        }
        quoted(json, field).append(":{");
        map.forEach((key, value) -> quoted(quoted(json, key).append(':'), value).append(','));
        json.setCharAt(json.length() - 1, '}');
    }

    /** Appends a separator when a member precedes, then {@code text} as a JSON string. */
    private static StringBuilder quoted(StringBuilder json, String text) {
        char last = json.charAt(json.length() - 1);
        if (last != '{' && last != ':' && last != ',') {
            json.append(',');
        }
        return json.append('"').append(STRINGS.quoteAsString(text)).append('"');
    }

    public static PlatformEvent decode(EncodedEvent row) {
        ObjectNode payload = EMPTY_PAYLOAD.equals(row.payload()) ? Json.object() : Json.parseObject(row.payload());
        return switch (row.kind()) {
            case AUDIT -> new AuditRecorded(row.time(), payload.get("auditSequence").asLong(),
                    (ObjectNode) payload.get("entry"));
            case TEMPLATE_LIFECYCLE -> new TemplateLifecycle(payload.get("templateId").asText(), row.time(),
                    TemplateLifecycle.Change.valueOf(payload.get("change").asText()),
                    optionalText(payload.get("etag")));
            default -> decodeDeviceEvent(row, payload);
        };
    }

    /** The kinds about one device: the row's device column names it. */
    private static DeviceEvent decodeDeviceEvent(EncodedEvent row, ObjectNode payload) {
        DeviceId id = DeviceId.of(row.deviceId());
        return switch (row.kind()) {
            case TELEMETRY -> new TelemetryReceived(id, row.time(), optionalText(payload.get("component")),
                    stringMap(payload.get("applicationProperties")), stringMap(payload.get("systemProperties")),
                    row.body());
            case REPORTED -> new ReportedPropertiesUpdated(id, row.time(), (ObjectNode) payload.get("patch"),
                    payload.get("version").asLong());
            case DESIRED -> new DesiredPropertiesUpdated(id, row.time(), (ObjectNode) payload.get("patch"),
                    payload.get("version").asLong());
            case CLOUD -> new CloudPropertiesUpdated(id, row.time(), optionalText(payload.get("component")),
                    (ObjectNode) payload.get("patch"));
            case CONNECTED -> new DeviceConnected(id, row.time());
            case DISCONNECTED -> new DeviceDisconnected(id, row.time(), payload.get("reason").asText());
            case LIFECYCLE -> new DeviceLifecycle(id, row.time(),
                    DeviceLifecycle.Change.valueOf(payload.get("change").asText()));
            default -> throw new IllegalStateException("unknown event kind in the log: " + row.kind());
        };
    }

    /** A string map field; absent (left out when empty, see {@link #putUnlessEmpty}) reads as empty. */
    private static Map<String, String> stringMap(JsonNode node) {
        if (node == null) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }
}
