package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;

/** A device stays within its own topics; bad input closes only the offending connection. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationAndRobustnessTest {
    private static final AtomicInteger IDS = new AtomicInteger();
    TestPlatform platform;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        platform = TestPlatform.start(dir);
    }

    @AfterAll
    void stop() {
        platform.close();
    }

    private Device newDevice() {
        return platform.createDevice("robust-" + IDS.incrementAndGet());
    }

    @Test
    void anotherDevicesTopicsAreRefusedOnSubscribe() {
        Device device = newDevice();
        Device victim = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            List<Integer> granted = client.subscribe("devices/" + victim.id() + "/messages/devicebound/#",
                    "$iothub/methods/POST/#", "#");

            assertThat(granted).containsExactly(0x80, 1, 0x80);
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void anotherDevicesTopicIsRefusedOnPublishByClosingTheConnection() {
        Device device = newDevice();
        Device victim = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.publish("devices/" + victim.id() + "/messages/events/", "{}");

            assertThat(client.awaitClosed()).isTrue();
            assertThat(platform.telemetryOf(victim)).isEmpty();
            // the server counts the close in its close listener, which may run after the client saw it
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(platform.meters
                    .counter("opencentral_mqtt_disconnects", "reason", "forbidden_topic").count()).isPositive());
        }
    }

    @Test
    void qos2PublishClosesTheConnection() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.publish("devices/" + device.id() + "/messages/events/", "{}".getBytes(), MqttQoS.EXACTLY_ONCE);

            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void malformedBytesCloseOnlyThatConnection() {
        Device good = newDevice();
        Device bad = newDevice();
        try (TestMqttDevice healthy = platform.connect(good); TestMqttDevice broken = platform.connect(bad)) {
            broken.writeRaw(new byte[] {(byte) 0xF0, 0x00, 0x13, 0x37});

            assertThat(broken.awaitClosed()).isTrue();
            healthy.publish("devices/" + good.id() + "/messages/events/", "{\"still\":\"alive\"}")
                    .orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void garbageInsteadOfConnectIsClosed() {
        try (TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort())) {
            client.writeRaw("GET / HTTP/1.1\r\n\r\n".getBytes());

            assertThat(client.awaitClosed()).isTrue();
        }
    }

    @Test
    void oversizedPacketClosesOnlyThatConnection() {
        Device good = newDevice();
        Device big = newDevice();
        try (TestMqttDevice healthy = platform.connect(good); TestMqttDevice sender = platform.connect(big)) {
            sender.publish("devices/" + big.id() + "/messages/events/", new byte[300 * 1024], MqttQoS.AT_LEAST_ONCE);

            assertThat(sender.awaitClosed()).isTrue();
            assertThat(platform.telemetryOf(big)).isEmpty();
            healthy.publish("devices/" + good.id() + "/messages/events/", "{}").orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void messageOfExactly256KbIsAccepted() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.publish("devices/" + device.id() + "/messages/events/", new byte[256 * 1024], MqttQoS.AT_LEAST_ONCE)
                    .orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void pingIsAnsweredAndDisconnectCloses() {
        Device device = newDevice();
        try (TestMqttDevice client = platform.connect(device)) {
            client.write(io.netty.handler.codec.mqtt.MqttMessage.PINGREQ);
            await().until(() -> platform.meters.counter("opencentral_mqtt_messages_in", "kind", "ping").count() > 0);

            client.write(io.netty.handler.codec.mqtt.MqttMessage.DISCONNECT);

            assertThat(client.awaitClosed()).isTrue();
            await().untilAsserted(() -> assertThat(platform.connections.eventsOf(device.id()))
                    .contains("disconnected " + device.id() + ": client disconnect"));
        }
    }

    @Test
    @Timeout(60)
    void thousandConcurrentDevicesPublishWhileAMalformedClientIsRejected() throws Exception {
        int count = 1000;
        List<Device> devices;
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Device>> created = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> platform.createDevice("fleet-" + i), virtual))
                    .toList();
            devices = created.stream().map(CompletableFuture::join).toList();
        }
        List<TestMqttDevice> clients = new ArrayList<>();
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<TestMqttDevice>> sessions = devices.stream().map(device ->
                    CompletableFuture.supplyAsync(() -> {
                        TestMqttDevice client = TestMqttDevice.plain(platform.mqttPort());
                        assertThat(client.connect(device.id().value(), TestPlatform.username(device),
                                TestPlatform.validToken(device))).isEqualTo(MqttConnectReturnCode.CONNECTION_ACCEPTED);
                        for (int i = 0; i < 3; i++) {
                            client.publish("devices/" + device.id() + "/messages/events/", "{\"n\":" + i + "}")
                                    .orTimeout(30, TimeUnit.SECONDS).join();
                        }
                        return client;
                    }, virtual)).toList();
            try (TestMqttDevice malformed = TestMqttDevice.plain(platform.mqttPort())) {
                malformed.writeRaw(new byte[] {0x10, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x7F});
                assertThat(malformed.awaitClosed()).isTrue();
            }
            sessions.forEach(s -> clients.add(s.join()));
        }
        try {
            assertThat(platform.server.connectionCount()).isGreaterThanOrEqualTo(count);
            long stored = platform.events().stream()
                    .filter(e -> e instanceof org.opencentral.core.event.PlatformEvent.TelemetryReceived t
                            && t.deviceId().value().startsWith("fleet-")).count();
            assertThat(stored).isEqualTo(3L * count);
        } finally {
            clients.forEach(TestMqttDevice::close);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> platform.server.connectionCount() < count);
    }
}
