package org.opencentral.store.eventlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
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

/** Sample events of every kind. */
final class Events {
    static final Instant T0 = Instant.parse("2026-11-26T10:00:00.123456789Z");
    static final DeviceId DEVICE = DeviceId.of("thermostat-1");

    private Events() {
    }

    /** A small telemetry message that carries {@code n} so that it can be recognised later. */
    static TelemetryReceived numbered(long n) {
        return numbered(DEVICE, n);
    }

    /** Like {@link #numbered(long)}, sent by {@code device}. */
    static TelemetryReceived numbered(DeviceId device, long n) {
        return new TelemetryReceived(device, T0.plusMillis(n), Optional.empty(), Map.of("n", Long.toString(n)),
                Map.of(), ("{\"temp\":" + n + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static long numberOf(PlatformEvent event) {
        return Long.parseLong(((TelemetryReceived) event).applicationProperties().get("n"));
    }

    static List<PlatformEvent> everyKind() {
        byte[] allBytes = new byte[256];
        for (int i = 0; i < allBytes.length; i++) {
            allBytes[i] = (byte) i;
        }
        return List.of(
                new TelemetryReceived(DEVICE, T0, Optional.of("thermostat1"), Map.of("alert", "true", "ünï", "cödé"),
                        Map.of("messageId", "m-1", "contentType", "application/octet-stream",
                                "contentEncoding", "utf-8"), allBytes),
                new TelemetryReceived(DEVICE, T0.plusNanos(1), Optional.empty(), Map.of(), Map.of(), new byte[0]),
                new ReportedPropertiesUpdated(DEVICE, T0.plusSeconds(1),
                        Json.parseObject("{\"serialNumber\":\"SN-1\",\"nested\":{\"a\":[1,2.5,null,\"x\"]}}"), 7),
                new DesiredPropertiesUpdated(DeviceId.of("d-2"), T0.plusSeconds(2),
                        Json.parseObject("{\"targetTemperature\":21.5,\"gone\":null}"), 3),
                new DeviceConnected(DEVICE, T0.plusSeconds(3)),
                new DeviceDisconnected(DEVICE, T0.plusSeconds(4), "keep-alive timeout"),
                new DeviceLifecycle(DEVICE, Instant.parse("1970-01-01T00:00:00Z"), DeviceLifecycle.Change.CREATED),
                new DeviceLifecycle(DEVICE, Instant.parse("1969-12-31T23:59:59.999999999Z"),
                        DeviceLifecycle.Change.UPDATED),
                new DeviceLifecycle(DEVICE, T0.plusSeconds(6), DeviceLifecycle.Change.DELETED),
                new CloudPropertiesUpdated(DEVICE, T0.plusSeconds(7), Optional.empty(),
                        Json.parseObject("{\"customerName\":\"Contoso\",\"removed\":null}")),
                new CloudPropertiesUpdated(DEVICE, T0.plusSeconds(8), Optional.of("thermostat1"),
                        Json.parseObject("{\"location\":{\"lat\":47.6,\"lon\":-122.3},\"maxTemp\":12345678901}")),
                new TemplateLifecycle("dtmi:com:example:Thermostat;1", T0.plusSeconds(9),
                        TemplateLifecycle.Change.CREATED, Optional.of("\"e-1\"")),
                new TemplateLifecycle("dtmi:com:example:Thermostat;1", T0.plusSeconds(10),
                        TemplateLifecycle.Change.UPDATED, Optional.of("\"e-2\"")),
                new TemplateLifecycle("dtmi:com:example:Thermostat;1", T0.plusSeconds(11),
                        TemplateLifecycle.Change.DELETED, Optional.empty()),
                new AuditRecorded(T0.plusSeconds(12), 4,
                        Json.parseObject("{\"actor\":\"user:u1\",\"action\":\"deviceTemplates.delete\"}")));
    }
}
