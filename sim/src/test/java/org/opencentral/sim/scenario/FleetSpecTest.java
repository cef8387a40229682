package org.opencentral.sim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.platform.security.SasToken;
import org.opencentral.sim.iothub.SimDevice;
import org.opencentral.sim.mqtt.ConnectSpec;

class FleetSpecTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final SimDevice DEVICE = new SimDevice("sim-000007", Optional.of(KEY));

    @Test
    void iotHubDevicesConnectWithUsernameAndSasTokenAndPublishToTheirEventsTopic() {
        FleetSpec fleet = fleet(Mode.IOTHUB, Optional.empty());

        ConnectSpec connect = fleet.connectSpec(DEVICE);

        assertThat(connect.clientId()).isEqualTo("sim-000007");
        assertThat(connect.username()).contains("iotc.local/sim-000007/?api-version=2021-04-12");
        assertThat(SasToken.parse(connect.password().orElseThrow()).orElseThrow().isSignedWith(KEY)).isTrue();
        assertThat(fleet.telemetryTopic(DEVICE)).isEqualTo("devices/sim-000007/messages/events/");
        assertThat(fleet.describe()).isEqualTo("iothub mqtt://127.0.0.1:1883");
    }

    @Test
    void genericDevicesUseTheTopicPatternAndNoAuthUnlessGiven() {
        FleetSpec anonymous = fleet(Mode.GENERIC, Optional.empty());
        FleetSpec withAuth = fleet(Mode.GENERIC, Optional.of(new FleetSpec.Credentials("u", "p")));

        assertThat(anonymous.connectSpec(DEVICE).username()).isEmpty();
        assertThat(anonymous.connectSpec(DEVICE).password()).isEmpty();
        assertThat(withAuth.connectSpec(DEVICE).password()).contains("p");
        assertThat(anonymous.telemetryTopic(DEVICE)).isEqualTo("bench/sim-000007/telemetry");
    }

    @Test
    void iotHubModeNeedsKeys() {
        assertThatThrownBy(() -> new FleetSpec(Mode.IOTHUB, Protocol.MQTT, new InetSocketAddress("127.0.0.1", 1883), Optional.empty(),
                "h", "", Optional.empty(), List.of(new SimDevice("x", Optional.empty())), List.of(), 1, 0, 60, 1,
                Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amqpDevicesSendToTheirTelemetryNodeWithTheirSasTokenAndOnlyInIotHubMode() {
        FleetSpec amqp = new FleetSpec(Mode.IOTHUB, Protocol.AMQP, new InetSocketAddress("127.0.0.1", 5671),
                Optional.empty(), "iotc.local", "", Optional.empty(), List.of(DEVICE), List.of(), 10, 0, 60, 1,
                Duration.ZERO);

        assertThat(amqp.telemetryTopic(DEVICE)).isEqualTo("/devices/sim-000007/messages/events");
        assertThat(amqp.amqpLogin(DEVICE).hubHost()).isEqualTo("iotc.local");
        assertThat(SasToken.parse(amqp.amqpLogin(DEVICE).sasToken()).orElseThrow().isSignedWith(KEY)).isTrue();
        assertThat(amqp.describe()).isEqualTo("iothub amqp://127.0.0.1:5671");
        assertThatThrownBy(() -> fleet(Mode.GENERIC, Protocol.AMQP, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--mode iothub");
    }

    private static FleetSpec fleet(Mode mode, Optional<FleetSpec.Credentials> auth) {
        return fleet(mode, Protocol.MQTT, auth);
    }

    private static FleetSpec fleet(Mode mode, Protocol protocol, Optional<FleetSpec.Credentials> auth) {
        return new FleetSpec(mode, protocol, new InetSocketAddress("127.0.0.1", 1883), Optional.empty(), "iotc.local",
                "bench/{id}/telemetry", auth, List.of(DEVICE), List.of(), 10, 0, 60, 1, Duration.ZERO);
    }
}
