package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencentral.core.event.PlatformEvent;

class EventCodecTest {
    @Test
    void everyKindRoundTripsThroughColumns() {
        for (PlatformEvent event : Events.everyKind()) {
            EncodedEvent encoded = EventCodec.encode(event);

            assertThat(EventCodec.decode(encoded)).isEqualTo(event);
            assertThat(encoded.deviceId()).isEqualTo(event instanceof PlatformEvent.DeviceEvent d
                    ? d.deviceId().value() : EncodedEvent.NO_DEVICE);
            assertThat(EncodedEvent.instantOfEpochNanos(encoded.epochNanos())).isEqualTo(event.time());
        }
    }

    @Test
    void auditEventsHaveNoDevice() {
        var audit = new PlatformEvent.AuditRecorded(Instant.EPOCH, 7,
                org.opencentral.core.Json.parseObject("{\"actor\":\"user:u1\",\"action\":\"devices.create\"}"));
        EncodedEvent encoded = EventCodec.encode(audit);

        assertThat(encoded.deviceId()).isEqualTo(EncodedEvent.NO_DEVICE);
        assertThat(EventCodec.decode(encoded)).isEqualTo(audit);
    }

    @Test
    void templateEventsHaveNoDeviceAndCarryTheirTemplateAndEtagInThePayload() {
        var updated = new PlatformEvent.TemplateLifecycle("dtmi:t:a;1", Events.T0,
                PlatformEvent.TemplateLifecycle.Change.UPDATED, java.util.Optional.of("\"e-2\""));
        var deleted = new PlatformEvent.TemplateLifecycle("dtmi:t:a;1", Events.T0,
                PlatformEvent.TemplateLifecycle.Change.DELETED, java.util.Optional.empty());

        EncodedEvent encoded = EventCodec.encode(updated);

        assertThat(encoded.kind()).isEqualTo(EventCodec.TEMPLATE_LIFECYCLE);
        assertThat(encoded.deviceId()).isEqualTo(EncodedEvent.NO_DEVICE);
        assertThat(encoded.payload()).isEqualTo("{\"templateId\":\"dtmi:t:a;1\",\"change\":\"UPDATED\",\"etag\":\"\\\"e-2\\\"\"}");
        assertThat(EventCodec.decode(encoded)).isEqualTo(updated);
        assertThat(EventCodec.encode(deleted).payload()).doesNotContain("etag");
        assertThat(EventCodec.decode(EventCodec.encode(deleted))).isEqualTo(deleted);
    }

    @Test
    void cloudPropertyPatchesKeepTheirComponentAndRemovedMembersAsNull() {
        var event = new PlatformEvent.CloudPropertiesUpdated(Events.DEVICE, Events.T0,
                java.util.Optional.of("thermostat1"), org.opencentral.core.Json.parseObject(
                        "{\"customerName\":\"Contoso\",\"gone\":null}"));

        EncodedEvent encoded = EventCodec.encode(event);
        var decoded = (PlatformEvent.CloudPropertiesUpdated) EventCodec.decode(encoded);

        assertThat(encoded.kind()).isEqualTo(EventCodec.CLOUD);
        assertThat(encoded.deviceId()).isEqualTo(Events.DEVICE.value());
        assertThat(decoded).isEqualTo(event);
        assertThat(decoded.component()).contains("thermostat1");
        assertThat(decoded.patch().get("gone").isNull()).isTrue();
        assertThat(EventCodec.decode(EventCodec.encode(new PlatformEvent.CloudPropertiesUpdated(Events.DEVICE,
                Events.T0, java.util.Optional.empty(), event.patch()))))
                .extracting(e -> ((PlatformEvent.CloudPropertiesUpdated) e).component()).isEqualTo(java.util.Optional.empty());
    }

    @Test
    void telemetryPayloadsAreTheJsonATreeWouldWriteWithEveryCharacterEscapedAsJsonNeeds() {
        String awkward = "q\"b\\s/n\nt\tc\u0001ü€😀";
        var message = new PlatformEvent.TelemetryReceived(Events.DEVICE, Events.T0, java.util.Optional.of(awkward),
                java.util.Map.of(awkward, awkward, "alert", "true"), java.util.Map.of("messageId", "m-1"), new byte[0]);
        com.fasterxml.jackson.databind.node.ObjectNode expected = org.opencentral.core.Json.object()
                .put("component", awkward);
        expected.putObject("applicationProperties").put(awkward, awkward).put("alert", "true");
        expected.putObject("systemProperties").put("messageId", "m-1");

        EncodedEvent encoded = EventCodec.encode(message);

        assertThat(org.opencentral.core.Json.parseObject(encoded.payload())).isEqualTo(expected);
        assertThat(EventCodec.decode(encoded)).isEqualTo(message);
        var systemOnly = new PlatformEvent.TelemetryReceived(Events.DEVICE, Events.T0, java.util.Optional.empty(),
                java.util.Map.of(), java.util.Map.of("contentType", "application/json"), new byte[0]);
        assertThat(EventCodec.encode(systemOnly).payload()).isEqualTo("{\"systemProperties\":{\"contentType\":\"application/json\"}}");
    }

    @Test
    void telemetryWithoutPropertiesHasAnEmptyPayloadAndRowsThatSpellThemOutStillDecode() {
        var bare = new PlatformEvent.TelemetryReceived(Events.DEVICE, Events.T0, java.util.Optional.empty(),
                java.util.Map.of(), java.util.Map.of(), "{\"t\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        EncodedEvent encoded = EventCodec.encode(bare);
        EncodedEvent writtenBeforeIssue8 = new EncodedEvent(encoded.time(), encoded.kind(), encoded.deviceId(),
                "{\"applicationProperties\":{},\"systemProperties\":{}}", encoded.body());

        assertThat(encoded.payload()).isEqualTo("{}");
        assertThat(EventCodec.decode(encoded)).isEqualTo(bare);
        assertThat(EventCodec.decode(writtenBeforeIssue8)).isEqualTo(bare);
    }

    @Test
    void unknownKindsAndCorruptPayloadsAreRejected() {
        EncodedEvent unknown = new EncodedEvent(Instant.EPOCH, "future-kind", "d", "{}", new byte[0]);
        EncodedEvent corrupt = new EncodedEvent(Instant.EPOCH, EventCodec.DISCONNECTED, "d", "{\"reason\":", new byte[0]);

        assertThatThrownBy(() -> EventCodec.decode(unknown)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EventCodec.decode(corrupt)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent(Instant.EPOCH, EventCodec.TEMPLATE_LIFECYCLE, "",
                "{\"templateId\":\"t\",\"change\":\"REPUBLISHED\"}", new byte[0])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventCodec.decode(new EncodedEvent(Instant.EPOCH, EventCodec.CLOUD, "",
                "{\"patch\":{}}", new byte[0]))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void timesOutsideTheNanosecondRangeAreRejected() {
        EncodedEvent far = new EncodedEvent(Instant.parse("2300-01-01T00:00:00Z"), "connected", "d", "{}", new byte[0]);

        assertThatThrownBy(far::epochNanos).isInstanceOf(ArithmeticException.class);
    }
}
