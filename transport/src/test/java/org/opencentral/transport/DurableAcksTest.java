package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.netty.handler.codec.mqtt.MqttMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;

/**
 * PUBACKs of durable telemetry leave a batch at a time per event loop: every message is
 * acknowledged once, in the order the device sent it, and a message the log cannot store is never
 * acknowledged.
 */
class DurableAcksTest {
    @TempDir
    Path dir;
    TestPlatform platform;

    @BeforeEach
    void start() throws Exception {
        platform = TestPlatform.start(dir);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void devicesWithManyMessagesInFlightGetEveryPubackInTheOrderTheySent() {
        int devices = 6;
        int each = 300;
        List<TestMqttDevice> clients = new ArrayList<>();
        try {
            List<CompletableFuture<MqttMessage>> acks = new ArrayList<>();
            for (int d = 0; d < devices; d++) {
                Device device = platform.createDevice("busy-" + d);
                TestMqttDevice client = platform.connect(device);
                clients.add(client);
            }
            for (int i = 0; i < each; i++) {
                for (int d = 0; d < devices; d++) {
                    acks.add(clients.get(d).publish("devices/busy-" + d + "/messages/events/", "{\"i\":" + i + "}"));
                }
            }

            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS).join();

            List<Integer> sent = IntStream.rangeClosed(1, each).boxed().toList();
            for (TestMqttDevice client : clients) {
                assertThat(client.pubackIds()).isEqualTo(sent);
            }
            assertThat(platform.meters.timer("opencentral_mqtt_ack_latency", "kind", "telemetry").count())
                    .isEqualTo((long) devices * each);
        } finally {
            clients.forEach(TestMqttDevice::close);
        }
    }

    @Test
    void aMessageTheLogCannotStoreClosesTheConnectionWithoutPuback() {
        Device device = platform.createDevice("unlucky");
        try (TestMqttDevice client = platform.connect(device)) {
            client.publish("devices/unlucky/messages/events/", "{\"i\":1}").orTimeout(20, TimeUnit.SECONDS).join();
            platform.log.close();

            CompletableFuture<MqttMessage> refused = client.publish("devices/unlucky/messages/events/", "{\"i\":2}");

            await().atMost(Duration.ofSeconds(20)).until(() -> !client.isOpen());
            assertThat(refused).isCompletedExceptionally();
            assertThat(client.pubackIds()).containsExactly(1);
        }
    }
}
