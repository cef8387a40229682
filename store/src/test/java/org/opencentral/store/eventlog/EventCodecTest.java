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
    }

    @Test
    void timesOutsideTheNanosecondRangeAreRejected() {
        EncodedEvent far = new EncodedEvent(Instant.parse("2300-01-01T00:00:00Z"), "connected", "d", "{}", new byte[0]);

        assertThatThrownBy(far::epochNanos).isInstanceOf(ArithmeticException.class);
    }
}
