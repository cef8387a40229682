package org.opencentral.core.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeviceBuilderTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void aDeviceBuiltWithOnlyItsIdAndCreationTimeHasTheDocumentedDefaults() {
        Device device = Device.builder(DeviceId.of("d1")).createdAt(T0).build();

        assertThat(device.displayName()).isEqualTo("d1");
        assertThat(device.template()).isEmpty();
        assertThat(device.enabled()).isTrue();
        assertThat(device.simulated()).isFalse();
        assertThat(device.provisioned()).isFalse();
        assertThat(device.etag()).isEmpty();
        assertThat(device.keys()).isNotNull();
        assertThat(device.modelId()).isEmpty();
        assertThat(device.connection()).isEqualTo(Device.Connection.NEVER);
        assertThat(device.createdAt()).isEqualTo(T0);
        assertThat(device.organization()).isEmpty();
        assertThat(device.simulationInterval()).isEmpty();
    }

    @Test
    void eachNamedStepSetsItsComponent() {
        SymmetricKeys keys = SymmetricKeys.generate();
        Device.Connection online = new Device.Connection(true, Optional.of(T0));

        Device device = Device.builder(DeviceId.of("d1")).displayName("Boiler").template("dtmi:test:t;1")
                .disabled().simulated().provisioned().etag("e1").keys(keys).modelId(Optional.of("dtmi:test:m;1"))
                .connection(online).createdAt(T0).organization("west")
                .simulationInterval(Optional.of(SimulationInterval.ofMillis(5_000))).build();

        assertThat(device).isEqualTo(new Device(DeviceId.of("d1"), "Boiler", Optional.of("dtmi:test:t;1"), false,
                true, true, "e1", keys, Optional.of("dtmi:test:m;1"), online, T0, Optional.of("west"),
                Optional.of(SimulationInterval.ofMillis(5_000))));
    }

    @Test
    void toBuilderCopiesEveryComponent() {
        Device device = Device.builder(DeviceId.of("d1")).displayName("Boiler").template("dtmi:test:t;1")
                .simulated().etag("e1").createdAt(T0).organization("west").build();

        assertThat(device.toBuilder().build()).isEqualTo(device);
        assertThat(device.toBuilder().etag("e2").build()).isEqualTo(new Device(device.id(), "Boiler",
                device.template(), true, true, false, "e2", device.keys(), Optional.empty(), Device.Connection.NEVER,
                T0, Optional.of("west"), Optional.empty()));
    }

    @Test
    void aDeviceWithoutCreationTimeIsRefusedByName() {
        assertThatThrownBy(() -> Device.builder(DeviceId.of("d1")).build())
                .isInstanceOf(NullPointerException.class).hasMessage("createdAt");
    }
}
