package org.opencentral.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;

/** Over its rate a device is slowed down (PUBACKs later), not disconnected. */
class TrafficShapingTest {
    @TempDir
    Path dir;
    TestPlatform platform;

    @BeforeEach
    void start() throws Exception {
        platform = TestPlatform.start(dir, MqttLimits.DEFAULTS.withRate(20, 5));
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void burstAboveTheRateIsDelayedNotRefused() {
        Device device = platform.createDevice("chatty");
        try (TestMqttDevice client = platform.connect(device)) {
            long start = System.nanoTime();
            List<CompletableFuture<?>> acks = IntStream.range(0, 25)
                    .mapToObj(i -> client.publish("devices/chatty/messages/events/", "{\"i\":" + i + "}"))
                    .<CompletableFuture<?>>map(f -> f.orTimeout(20, TimeUnit.SECONDS)).toList();

            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();

            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(elapsedMillis).as("20 messages over the burst at 20/s take about a second").isGreaterThan(700);
            assertThat(client.isOpen()).isTrue();
            assertThat(client.pubackIds()).as("held PUBACKs keep their order")
                    .isEqualTo(IntStream.rangeClosed(1, 25).boxed().toList());
            assertThat(platform.telemetryOf(device)).hasSize(25);
            assertThat(platform.meters.counter("opencentral_mqtt_throttled").count()).isPositive();
        }
    }
}
