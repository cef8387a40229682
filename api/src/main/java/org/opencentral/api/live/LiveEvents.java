package org.opencentral.api.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;

/**
 * The SSE events of a live stream, as {@code (name, JSON data)}: {@code state}, {@code connection},
 * {@code telemetry}, {@code properties}, {@code device}. Telemetry carries the raw body as text and,
 * when it is JSON, parsed as {@code body}; otherwise {@code error} says why it is not. Properties
 * carry their {@code section}: {@code reported} and {@code desired} with their {@code version},
 * {@code cloud} (written through the API, no version) with its {@code component} when not the
 * default one, so that an open device page refreshes. Template and audit events are not sent.
 */
final class LiveEvents {
    private LiveEvents() {
    }

    record Sse(String name, ObjectNode data) {
    }

    static Sse state(Device device) {
        ObjectNode json = base(device.id().value());
        json.put("connected", device.connection().connected());
        device.connection().lastActivity().ifPresent(t -> json.put("lastActivity", t.toString()));
        device.modelId().ifPresent(m -> json.put("modelId", m));
        return new Sse("state", json);
    }

    static Optional<Sse> of(LoggedEvent logged) {
        return switch (logged.event()) {
            case PlatformEvent.TelemetryReceived t -> Optional.of(telemetry(logged.sequence(), t));
            case PlatformEvent.DeviceConnected c -> Optional.of(new Sse("connection",
                    timed(c.deviceId().value(), c.time().toString()).put("connected", true)));
            case PlatformEvent.DeviceDisconnected d -> Optional.of(new Sse("connection",
                    timed(d.deviceId().value(), d.time().toString()).put("connected", false).put("reason", d.reason())));
            case PlatformEvent.ReportedPropertiesUpdated r -> Optional.of(properties(r.deviceId().value(),
                    r.time().toString(), "reported", r.patch(), r.version()));
            case PlatformEvent.DesiredPropertiesUpdated d -> Optional.of(properties(d.deviceId().value(),
                    d.time().toString(), "desired", d.patch(), d.version()));
            case PlatformEvent.CloudPropertiesUpdated c -> Optional.of(cloudProperties(c));
            case PlatformEvent.DeviceLifecycle l -> Optional.of(new Sse("device",
                    timed(l.deviceId().value(), l.time().toString()).put("change", l.change().name())));
            case PlatformEvent.TemplateLifecycle template -> Optional.empty();
            case PlatformEvent.AuditRecorded audit -> Optional.empty();
        };
    }

    private static Sse telemetry(long sequence, PlatformEvent.TelemetryReceived t) {
        ObjectNode json = timed(t.deviceId().value(), t.time().toString());
        json.put("seq", sequence);
        t.component().ifPresent(c -> json.put("component", c));
        String raw = new String(t.body(), StandardCharsets.UTF_8);
        json.put("raw", raw);
        try {
            JsonNode body = Json.parse(raw);
            json.set("body", body);
            if (!body.isObject()) {
                json.put("error", "the message is JSON but not an object, so it has no named values");
            }
        } catch (RuntimeException e) {
            json.put("error", "the message is not valid JSON");
        }
        if (!t.applicationProperties().isEmpty()) {
            ObjectNode props = json.putObject("properties");
            t.applicationProperties().forEach(props::put);
        }
        return new Sse("telemetry", json);
    }

    private static Sse properties(String id, String time, String section, ObjectNode patch, long version) {
        ObjectNode json = timed(id, time).put("section", section).put("version", version);
        json.set("patch", patch);
        return new Sse("properties", json);
    }

    private static Sse cloudProperties(PlatformEvent.CloudPropertiesUpdated c) {
        ObjectNode json = timed(c.deviceId().value(), c.time().toString()).put("section", "cloud");
        c.component().ifPresent(component -> json.put("component", component));
        json.set("patch", c.patch());
        return new Sse("properties", json);
    }

    private static ObjectNode timed(String id, String time) {
        return base(id).put("time", time);
    }

    private static ObjectNode base(String id) {
        ObjectNode json = Json.object();
        json.put("deviceId", id);
        return json;
    }
}
