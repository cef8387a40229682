package org.opencentral.store.eventlog;

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

    private EventCodec() {
    }

    public static EncodedEvent encode(PlatformEvent event) {
        ObjectNode payload = Json.object();
        String kind = switch (event) {
            case TelemetryReceived t -> {
                t.component().ifPresent(component -> payload.put("component", component));
                putUnlessEmpty(payload, "applicationProperties", t.applicationProperties());
                putUnlessEmpty(payload, "systemProperties", t.systemProperties());
                yield TELEMETRY;
            }
            case ReportedPropertiesUpdated r -> {
                payload.set("patch", r.patch());
                payload.put("version", r.version());
                yield REPORTED;
            }
            case DesiredPropertiesUpdated d -> {
                payload.set("patch", d.patch());
                payload.put("version", d.version());
                yield DESIRED;
            }
            case CloudPropertiesUpdated c -> {
                c.component().ifPresent(component -> payload.put("component", component));
                payload.set("patch", c.patch());
                yield CLOUD;
            }
            case DeviceConnected c -> CONNECTED;
            case DeviceDisconnected d -> {
                payload.put("reason", d.reason());
                yield DISCONNECTED;
            }
            case DeviceLifecycle l -> {
                payload.put("change", l.change().name());
                yield LIFECYCLE;
            }
            case AuditRecorded a -> {
                payload.put("auditSequence", a.auditSequence());
                payload.set("entry", a.entry());
                yield AUDIT;
            }
            case TemplateLifecycle t -> {
                payload.put("templateId", t.templateId());
                payload.put("change", t.change().name());
                t.etag().ifPresent(etag -> payload.put("etag", etag));
                yield TEMPLATE_LIFECYCLE;
            }
        };
        byte[] body = event instanceof TelemetryReceived t ? t.body() : NO_BODY;
        String device = event instanceof DeviceEvent d ? d.deviceId().value() : EncodedEvent.NO_DEVICE;
        return new EncodedEvent(event.time(), kind, device, payload.toString(), body);
    }

    public static PlatformEvent decode(EncodedEvent row) {
        ObjectNode payload = Json.parseObject(row.payload());
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

    /** Empty maps are left out: most telemetry has none, and a short payload is a cheaper row. */
    private static void putUnlessEmpty(ObjectNode payload, String field, Map<String, String> map) {
        if (!map.isEmpty()) {
            ObjectNode object = payload.putObject(field);
            map.forEach(object::put);
        }
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
