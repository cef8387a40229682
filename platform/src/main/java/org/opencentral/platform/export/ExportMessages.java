package org.opencentral.platform.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.Json;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.event.PlatformEvent.CloudPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DesiredPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.DeviceConnected;
import org.opencentral.core.event.PlatformEvent.DeviceDisconnected;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.ReportedPropertiesUpdated;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.event.PlatformEvent.TemplateLifecycle;
import org.opencentral.core.export.ExportSource;

/**
 * Events of the log in IoT Central's export format {@code default@v1}: which source an event belongs
 * to ({@link #source}) and its message ({@link #message}), without enrichments (added by the export).
 * A device lifecycle change other than registration or deletion is not told apart in the log and so
 * has no message.
 */
public final class ExportMessages {
    public static final String SCHEMA = "default@v1";
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final String applicationId;

    public ExportMessages(String applicationId) {
        this.applicationId = Objects.requireNonNull(applicationId, "applicationId");
    }

    public String applicationId() {
        return applicationId;
    }

    /** The export source an event belongs to; empty for events no source exports. */
    public static Optional<ExportSource> source(PlatformEvent event) {
        return switch (event) {
            case TelemetryReceived t -> Optional.of(ExportSource.TELEMETRY);
            case ReportedPropertiesUpdated r -> Optional.of(ExportSource.PROPERTIES);
            case DesiredPropertiesUpdated d -> Optional.of(ExportSource.PROPERTIES);
            case CloudPropertiesUpdated c -> Optional.of(ExportSource.PROPERTIES);
            case DeviceConnected c -> Optional.of(ExportSource.DEVICE_CONNECTIVITY);
            case DeviceDisconnected d -> Optional.of(ExportSource.DEVICE_CONNECTIVITY);
            case DeviceLifecycle l -> l.change() == DeviceLifecycle.Change.UPDATED
                    ? Optional.empty() : Optional.of(ExportSource.DEVICE_LIFECYCLE);
            case TemplateLifecycle t -> Optional.of(ExportSource.DEVICE_TEMPLATE_LIFECYCLE);
            case AuditRecorded a -> Optional.of(ExportSource.AUDIT);
        };
    }

    /** The message of {@code event} (which has a {@link #source}) about a device described by {@code facts}. */
    public ObjectNode message(PlatformEvent event, DeviceFacts facts) {
        ObjectNode message = Json.object();
        message.put("applicationId", applicationId);
        message.put("messageSource", source(event).orElseThrow().wireName());
        switch (event) {
            case TelemetryReceived t -> telemetry(message, t, facts);
            case ReportedPropertiesUpdated r ->
                    properties(message, "devicePropertyReportedChange", r.deviceId().value(), r.patch(), Optional.empty(),
                            facts);
            case DesiredPropertiesUpdated d ->
                    properties(message, "devicePropertyDesiredChange", d.deviceId().value(), d.patch(), Optional.empty(),
                            facts);
            case CloudPropertiesUpdated c ->
                    properties(message, "cloudPropertyChange", c.deviceId().value(), c.patch(), c.component(), facts);
            case DeviceConnected c -> typed(message, "connected", c.deviceId().value(), facts);
            case DeviceDisconnected d -> typed(message, "disconnected", d.deviceId().value(), facts);
            case DeviceLifecycle l -> typed(message,
                    l.change() == DeviceLifecycle.Change.CREATED ? "registered" : "deleted", l.deviceId().value(), facts);
            case TemplateLifecycle t -> {
                message.put("messageType", t.change().name().toLowerCase(java.util.Locale.ROOT));
                message.put("schema", SCHEMA);
                message.put("templateId", t.templateId());
            }
            case AuditRecorded a -> audit(message, a.entry());
        }
        message.put("enqueuedTime", enqueuedTime(event.time()));
        return message;
    }

    /**
     * The bytes of {@code t}'s message with {@code enrichments}, written without a tree
     * ({@link TelemetryJson}): the bytes of {@link #message} with {@link Enrichments#add}; empty for a
     * body that is not one JSON object (format that one as a tree).
     */
    public Optional<byte[]> telemetryJson(TelemetryReceived t, DeviceFacts facts, ObjectNode enrichments) {
        return TelemetryJson.write(applicationId, t, facts, enqueuedTime(t.time()), enrichments);
    }

    /**
     * {@code time} as {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} in UTC, written digit by digit for the years
     * 1 to 9999 (a tenth of the formatter's time per message), by the formatter otherwise.
     */
    static String enqueuedTime(Instant time) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(time.getEpochSecond(), time.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1 || utc.getYear() > 9999) {
            return MILLIS.format(time);
        }
        char[] text = {'0', '0', '0', '0', '-', '0', '0', '-', '0', '0', 'T', '0', '0', ':', '0', '0', ':', '0', '0',
            '.', '0', '0', '0', 'Z'};
        digits(text, 0, 4, utc.getYear());
        digits(text, 5, 2, utc.getMonthValue());
        digits(text, 8, 2, utc.getDayOfMonth());
        digits(text, 11, 2, utc.getHour());
        digits(text, 14, 2, utc.getMinute());
        digits(text, 17, 2, utc.getSecond());
        digits(text, 20, 3, utc.getNano() / 1_000_000);
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static void telemetry(ObjectNode message, TelemetryReceived t, DeviceFacts facts) {
        message.put("deviceId", t.deviceId().value());
        message.put("schema", SCHEMA);
        facts.templateId().ifPresent(id -> message.put("templateId", id));
        message.set("telemetry", body(t.body()));
        ObjectNode properties = message.putObject("messageProperties");
        t.applicationProperties().forEach(properties::put);
        t.component().ifPresent(c -> message.put("component", c));
        Optional.ofNullable(t.systemProperties().get("connectionModuleId")).ifPresent(m -> message.put("module", m));
    }

    /** The body as JSON; a body that is not a JSON object is exported as its text under {@code body}. */
    private static JsonNode body(byte[] body) {
        try {
            if (Json.parse(body) instanceof ObjectNode parsed) {
                return parsed;
            }
        } catch (DomainException notJson) {
            // exported as text below
        }
        ObjectNode wrapped = Json.object();
        wrapped.put("body", new String(body, StandardCharsets.UTF_8));
        return wrapped;
    }

    private static void properties(ObjectNode message, String type, String deviceId, ObjectNode patch,
            Optional<String> component, DeviceFacts facts) {
        message.put("messageType", type);
        message.put("deviceId", deviceId);
        message.put("schema", SCHEMA);
        facts.templateId().ifPresent(id -> message.put("templateId", id));
        var list = message.putArray("properties");
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getKey().startsWith("$")) {
                continue;
            }
            if (component.isEmpty() && isComponent(member.getValue())) {
                for (Map.Entry<String, JsonNode> inner : member.getValue().properties()) {
                    if (!inner.getKey().startsWith("__")) {
                        list.addObject().put("name", inner.getKey()).put("component", member.getKey())
                                .set("value", inner.getValue());
                    }
                }
                continue;
            }
            ObjectNode property = list.addObject().put("name", member.getKey());
            component.ifPresent(c -> property.put("component", c));
            property.set("value", member.getValue());
        }
    }

    /** A PnP component in a twin patch: an object marked {@code "__t": "c"}. */
    private static boolean isComponent(JsonNode value) {
        return value.isObject() && "c".equals(value.path("__t").asText(null));
    }

    private static void typed(ObjectNode message, String type, String deviceId, DeviceFacts facts) {
        message.put("messageType", type);
        message.put("deviceId", deviceId);
        message.put("schema", SCHEMA);
        facts.templateId().ifPresent(id -> message.put("templateId", id));
    }

    private static void audit(ObjectNode message, ObjectNode entry) {
        message.put("schema", SCHEMA);
        message.set("actor", entry.path("actor"));
        message.set("action", entry.path("action"));
        message.set("target", entry.path("target"));
        message.set("before", entry.path("before"));
        message.set("after", entry.path("after"));
    }
}
