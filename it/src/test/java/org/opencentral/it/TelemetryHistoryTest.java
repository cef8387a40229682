package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * A device's telemetry, sent over MQTT/TLS, read back through the history extension: all of it as
 * points, or with a small {@code maxPoints} as buckets that keep the true minimum and maximum.
 */
@Timeout(120)
class TelemetryHistoryTest {
    private static final String DEVICE = "history-thermostat";
    private static final int VALUES = 200;
    private static TestPlatform platform;
    private static Instant sent;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start();
        String key = platform.createDevice(DEVICE);
        try (TestDevice device = TestDevice.overTls(platform, DEVICE, key)) {
            device.connect();
            sent = Instant.now();
            CompletableFuture.allOf(IntStream.range(0, VALUES)
                    .mapToObj(i -> device.sendTelemetry("{\"temperature\": " + value(i) + "}"))
                    .toArray(CompletableFuture[]::new)).join();
            device.sendTelemetry("engine", "{\"rpm\": 900}").join();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> history("/telemetry/temperature", 1_000)
                .path("points").size() == VALUES);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void everyValueComesBackAsAPointInOrder() {
        JsonNode history = history("/telemetry/temperature", 1_000);

        assertThat(history.path("kind").asText()).isEqualTo("points");
        JsonNode points = history.path("points");
        assertThat(points).hasSize(VALUES);
        assertThat(IntStream.range(0, VALUES).mapToObj(i -> points.get(i).path("value").asDouble()))
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, VALUES).mapToObj(i -> value(i)).toList());
        for (int i = 1; i < VALUES; i++) {
            assertThat(Instant.parse(points.get(i).path("timestamp").asText()))
                    .isAfterOrEqualTo(Instant.parse(points.get(i - 1).path("timestamp").asText()));
        }
    }

    @Test
    void aSmallMaxPointsAnswersBucketsWithTheTrueMinimumAndMaximum() {
        JsonNode history = history("/telemetry/temperature", 3);

        assertThat(history.path("kind").asText()).isEqualTo("buckets");
        assertThat(Duration.parse(history.path("width").asText())).isPositive();
        JsonNode buckets = history.path("buckets");
        assertThat(buckets.size()).isBetween(1, 3);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        long count = 0;
        for (JsonNode b : buckets) {
            min = Math.min(min, b.path("min").asDouble());
            max = Math.max(max, b.path("max").asDouble());
            count += b.path("count").asLong();
        }
        assertThat(count).isEqualTo(VALUES);
        assertThat(min).isEqualTo(-12.5);
        assertThat(max).isEqualTo(88.0);
    }

    @Test
    void componentTelemetryHasItsOwnHistory() {
        await().atMost(Duration.ofSeconds(10)).until(() -> history("/components/engine/telemetry/rpm", 100)
                .path("points").size() == 1);

        JsonNode history = history("/components/engine/telemetry/rpm", 100);
        assertThat(history.at("/points/0/value").asInt()).isEqualTo(900);
        assertThat(history("/telemetry/rpm", 100).path("points")).isEmpty();
        assertThat(platform.rest().get("/devices/" + DEVICE + "/telemetry/temperature/history?maxPoints=0").status())
                .isEqualTo(400);
        assertThat(platform.rest().get("/devices/nobody/telemetry/temperature/history").status()).isEqualTo(404);
    }

    private static JsonNode history(String series, int maxPoints) {
        RestClient rest = platform.rest();
        return rest.get("/devices/" + DEVICE + series + "/history?from=" + sent.minusSeconds(60) + "&to="
                + Instant.now().plusSeconds(60) + "&maxPoints=" + maxPoints).ok();
    }

    private static double value(int i) {
        return i == 57 ? -12.5 : i == 143 ? 88.0 : 20 + (i % 10) * 0.5;
    }
}
