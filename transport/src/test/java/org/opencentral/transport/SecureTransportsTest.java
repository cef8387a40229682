package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;

/** MQTT over TLS and over secure WebSockets, with a self-signed certificate made for the test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecureTransportsTest {
    TestPlatform platform;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        platform = TestPlatform.start(dir);
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    @Test
    void mqttOverTls() throws Exception {
        Device device = platform.createDevice("tls-device");
        try (TestMqttDevice client = TestMqttDevice.tls(platform.ports.mqtts().orElseThrow(), platform.clientTls())) {
            assertThat(client.connect("tls-device", TestPlatform.username(device), TestPlatform.validToken(device)))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            client.publish("devices/tls-device/messages/events/", "{\"over\":\"tls\"}").orTimeout(10, TimeUnit.SECONDS)
                    .join();
        }
        assertThat(platform.telemetryOf(device)).hasSize(1);
    }

    @Test
    void mqttOverWebSockets() throws Exception {
        Device device = platform.createDevice("ws-device");
        try (TestMqttDevice client = TestMqttDevice.websocket(platform.ports.websocket().orElseThrow(),
                platform.clientTls())) {
            assertThat(client.connect("ws-device", TestPlatform.username(device), TestPlatform.validToken(device)))
                    .isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
            client.publish("devices/ws-device/messages/events/", new byte[100 * 1024],
                    io.netty.handler.codec.mqtt.MqttQoS.AT_LEAST_ONCE).orTimeout(10, TimeUnit.SECONDS).join();
            assertThat(client.subscribe("$iothub/twin/res/#")).containsExactly(1);
            client.publish("$iothub/twin/GET/?$rid=ws", "");
            assertThat(client.awaitPublish(t -> t.startsWith("$iothub/twin/res/")).topic())
                    .isEqualTo("$iothub/twin/res/200/?$rid=ws");
        }
        assertThat(platform.telemetryOf(device)).hasSize(1);
    }

    @Test
    void plainClientOnTheTlsPortIsClosed() {
        try (TestMqttDevice client = TestMqttDevice.plain(platform.ports.mqtts().orElseThrow())) {
            client.writeRaw(new byte[] {0x10, 0x02, 0x00, 0x04});
            assertThat(client.awaitClosed()).isTrue();
        }
    }
}
