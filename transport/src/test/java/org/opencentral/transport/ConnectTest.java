package org.opencentral.transport;

import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_ACCEPTED;
import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_REFUSED_IDENTIFIER_REJECTED;
import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_REFUSED_NOT_AUTHORIZED;
import static io.netty.handler.codec.mqtt.MqttConnectReturnCode.CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.platform.device.DeviceChanges;

class ConnectTest {
    @TempDir
    Path dir;
    TestPlatform platform;
    Device device;

    @BeforeEach
    void start() throws Exception {
        platform = TestPlatform.start(dir);
        device = platform.createDevice("dev-1");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void validTokenIsAcceptedAndTheModelIdIsRecorded() {
        try (TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort())) {
            String username = TestPlatform.HOST + "/dev-1/?api-version=2020-09-30&model-id=dtmi%3Acom%3Aexample%3AThermostat%3B1";

            assertThat(client.connect("dev-1", username, TestPlatform.validToken(device))).isEqualTo(CONNECTION_ACCEPTED);

            await().untilAsserted(() -> assertThat(platform.state.devices().find(device.id()).orElseThrow())
                    .satisfies(d -> {
                        assertThat(d.connection().connected()).isTrue();
                        assertThat(d.modelId()).contains("dtmi:com:example:Thermostat;1");
                    }));
            assertThat(platform.sessions.find(device.id())).isPresent();
            assertThat(platform.meters.get("opencentral_mqtt_connections").gauge().value()).isEqualTo(1);
        }
        await().untilAsserted(() -> {
            assertThat(platform.sessions.find(device.id())).isEmpty();
            assertThat(platform.state.devices().find(device.id()).orElseThrow().connection().connected()).isFalse();
            assertThat(platform.events()).anyMatch(e -> e instanceof PlatformEvent.DeviceDisconnected d
                    && d.deviceId().equals(device.id()));
        });
    }

    @Test
    void wrongKeyIsRefused() {
        Device other = platform.createDevice("other");
        String signedWithOtherKey = TestPlatform.token(Device.builder(device.id()).displayName("x").etag("e")
                .keys(other.keys()).createdAt(Instant.now()).build(),
                Instant.now().plusSeconds(600));

        assertThat(connect("dev-1", TestPlatform.username(device), signedWithOtherKey))
                .isEqualTo(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        assertThat(platform.meters.counter("opencentral_mqtt_refused", "reason", "bad_credentials").count()).isEqualTo(1);
    }

    @Test
    void expiredTokenIsRefused() {
        assertThat(connect("dev-1", TestPlatform.username(device),
                TestPlatform.token(device, Instant.now().minusSeconds(5))))
                .isEqualTo(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        assertThat(platform.meters.counter("opencentral_mqtt_refused", "reason", "expired").count()).isEqualTo(1);
    }

    @Test
    void unknownDeviceIsRefused() {
        Device ghost = Device.builder(DeviceId.of("ghost")).etag("e").keys(device.keys())
                .createdAt(Instant.now()).build();

        assertThat(connect("ghost", TestPlatform.username(ghost), TestPlatform.validToken(ghost)))
                .isEqualTo(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void disabledDeviceIsRefused() {
        platform.registry.update(device.id(), new DeviceChanges(Optional.empty(), Optional.empty(), Optional.of(false),
                Optional.empty()), Optional.empty());

        assertThat(connect("dev-1", TestPlatform.username(device), TestPlatform.validToken(device)))
                .isEqualTo(CONNECTION_REFUSED_NOT_AUTHORIZED);
    }

    @Test
    void aDeviceThatConnectedBeforeIsRefusedAsSoonAsItIsDisabled() {
        try (TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort())) {
            assertThat(client.connect("dev-1", TestPlatform.username(device), TestPlatform.validToken(device)))
                    .as("its keys were read, and remembered, for this connect").isEqualTo(CONNECTION_ACCEPTED);
        }
        platform.registry.update(device.id(), new DeviceChanges(Optional.empty(), Optional.empty(), Optional.of(false),
                Optional.empty()), Optional.empty());

        assertThat(connect("dev-1", TestPlatform.username(device), TestPlatform.validToken(device)))
                .isEqualTo(CONNECTION_REFUSED_NOT_AUTHORIZED);
        assertThat(connect("dev-1", TestPlatform.username(device), "SharedAccessSignature sr=x&sig=y&se=1"))
                .isEqualTo(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
    }

    @Test
    void aDeviceThatConnectedBeforeMustSignWithItsRotatedKeys() {
        try (TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort())) {
            assertThat(client.connect("dev-1", TestPlatform.username(device), TestPlatform.validToken(device)))
                    .isEqualTo(CONNECTION_ACCEPTED);
        }
        Device stored = platform.state.devices().find(device.id()).orElseThrow();
        Device rotated = platform.state.devices().update(stored.withKeys(SymmetricKeys.generate()), stored.etag());

        assertThat(connect("dev-1", TestPlatform.username(device), TestPlatform.validToken(device)))
                .isEqualTo(CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD);
        try (TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort())) {
            assertThat(client.connect("dev-1", TestPlatform.username(rotated), TestPlatform.validToken(rotated)))
                    .isEqualTo(CONNECTION_ACCEPTED);
        }
    }

    @Test
    void usernameMustNameTheClientId() {
        assertThat(connect("dev-1", TestPlatform.HOST + "/dev-2/?api-version=1", TestPlatform.validToken(device)))
                .isEqualTo(CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        assertThat(connect("dev-1", "garbage", TestPlatform.validToken(device)))
                .isEqualTo(CONNECTION_REFUSED_IDENTIFIER_REJECTED);
        assertThat(connect("dev-1/mod", TestPlatform.HOST + "/dev-1/mod/?api-version=1", TestPlatform.validToken(device)))
                .isEqualTo(CONNECTION_REFUSED_IDENTIFIER_REJECTED);
    }

    @Test
    void onlyMqtt311IsAccepted() {
        try (TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort())) {
            assertThat(client.connect("dev-1", TestPlatform.username(device), TestPlatform.validToken(device),
                    MqttVersion.MQTT_3_1, 60)).isEqualTo(CONNECTION_REFUSED_UNACCEPTABLE_PROTOCOL_VERSION);
            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void secondConnectionOfTheSameDeviceClosesTheFirst() {
        try (TestMqttDevice first = platform.connect(device); TestMqttDevice second = platform.connect(device)) {
            assertThat(first.awaitClosed()).isTrue();
            assertThat(second.isOpen()).isTrue();
            await().untilAsserted(() -> assertThat(platform.connections.eventsOf(device.id())).containsExactly(
                    "connected dev-1", "disconnected dev-1: replaced by a new connection", "connected dev-1"));
            assertThat(platform.state.devices().find(device.id()).orElseThrow().connection().connected()).isTrue();
            second.publish("devices/dev-1/messages/events/", "{}").join();
        }
    }

    private io.netty.handler.codec.mqtt.MqttConnectReturnCode connect(String clientId, String username, String password) {
        try (TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort())) {
            io.netty.handler.codec.mqtt.MqttConnectReturnCode code = client.connect(clientId, username, password);
            assertThat(client.awaitClosed()).as("refused connection is closed").isTrue();
            return code;
        }
    }
}
