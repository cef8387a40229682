package org.opencentral.api.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;

class LiveEventsTest {
    static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void cloudPropertyChangesAreSentAsPropertiesOfTheCloudSectionWithoutAVersion() {
        var event = new PlatformEvent.CloudPropertiesUpdated(DeviceId.of("d1"), AT, Optional.of("thermostat1"),
                Json.parseObject("{\"customerName\":\"Contoso\",\"gone\":null}"));

        LiveEvents.Sse sse = LiveEvents.of(new LoggedEvent(7, event)).orElseThrow();

        assertThat(sse.name()).isEqualTo("properties");
        assertThat(sse.data().toString()).isEqualTo("{\"deviceId\":\"d1\",\"time\":\"2026-11-26T12:00:00Z\","
                + "\"section\":\"cloud\",\"component\":\"thermostat1\",\"patch\":{\"customerName\":\"Contoso\","
                + "\"gone\":null}}");
    }

    @Test
    void templateChangesAreNotSent() {
        var event = new PlatformEvent.TemplateLifecycle("dtmi:t:a;1", AT, PlatformEvent.TemplateLifecycle.Change.CREATED,
                Optional.of("\"e\""));

        assertThat(LiveEvents.of(new LoggedEvent(1, event))).isEmpty();
    }
}
