package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencentral.core.Json;
import org.opencentral.core.testing.MovableClock;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.config.StorageConfig;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * The platform's clock jumps back and forth under a whole node (the {@link MovableClock} given to the
 * composition root, real stores, a real device): the event log keeps arrival order whatever the
 * times say, the history keeps every message, SAS expiry and retention are decided by the platform's
 * clock to the second and to the UTC day (RELIABILITY.md, "Clock jumps", states the tolerance).
 */
class ClockJumpTest {
    private static final String TEMPLATE = "dtmi:opencentral:faults:Ticker;1";
    private static final Duration RETENTION = Duration.ofDays(2);
    private final MovableClock clock = new MovableClock();
    private TestPlatform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theLogKeepsArrivalOrderAndTheHistoryEveryMessageAcrossJumps() {
        platform = TestPlatform.start(UnaryOperator.identity(), clock);
        try (TestDevice device = ticker()) {
            device.connect();
            send(device, 0, 100);
            clock.advance(Duration.ofHours(-1));
            send(device, 100, 200);
            clock.advance(Duration.ofHours(3));
            send(device, 200, 300);
        }

        List<JsonNode> raw = oldestFirst(platform.rest().get("/devices/ticker/rawData?maxpagesize=500").ok());
        assertThat(raw).extracting(m -> Json.parse(m.path("body").asText()).path("n").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 300).boxed().toList());
        assertThat(raw).extracting(m -> m.path("sequence").asLong()).isSorted();
        Instant beforeJumpBack = Instant.parse(raw.get(99).path("time").asText());
        Instant afterJumpBack = Instant.parse(raw.get(100).path("time").asText());
        assertThat(afterJumpBack).as("times follow the clock back").isBefore(beforeJumpBack);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                query("SELECT COUNT(n) FROM " + TEMPLATE).path(0).path("count_n").asInt()).isEqualTo(300));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                platform.rest().get("/devices/ticker/telemetry/n").ok().path("value").asInt()).isEqualTo(299));
    }

    @Test
    void aSasTokenExpiresByThePlatformsClock() {
        platform = TestPlatform.start(UnaryOperator.identity(), clock);
        try (TestDevice device = ticker()) {
            clock.advance(Duration.ofHours(2)); // the device signs for an hour of its own (real) time
            assertThatThrownBy(device::connect).hasMessageContaining("BAD_USER_NAME_OR_PASSWORD");

            clock.advance(Duration.ofHours(-3));
            assertThat(device.connect().getReturnCode().isError()).isFalse();
        }
    }

    @Test
    void retentionRemovesWholeDaysByThePlatformsClockAndNeverAfterAJumpBack() {
        platform = TestPlatform.start(config -> withRetention(config), clock);
        try (TestDevice device = ticker()) {
            device.connect();
            send(device, 0, 10);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count() == 10);

        clock.advance(Duration.ofDays(-10));
        platform = platform.restart(UnaryOperator.identity()); // retention runs when a node starts
        assertThat(rawDataSize()).as("after a jump back of 10 days").isEqualTo(10);

        clock.advance(Duration.ofDays(11));
        platform = platform.restart(UnaryOperator.identity());
        assertThat(rawDataSize()).as("one day later: within the %s kept", RETENTION).isEqualTo(10);
        assertThat(count()).isEqualTo(10);

        clock.advance(Duration.ofDays(2));
        platform = platform.restart(UnaryOperator.identity());
        assertThat(rawDataSize()).as("three days later: the day is past the retention").isZero();
        assertThat(count()).isZero();
    }

    private static ServerConfig withRetention(ServerConfig config) {
        return config.toBuilder().storage(new StorageConfig(Optional.empty(), StorageConfig.DEFAULT_USER,
                Optional.empty(), RETENTION, Optional.empty())).build();
    }

    /** The device {@code ticker} with a template whose telemetry {@code n} the history indexes. */
    private TestDevice ticker() {
        RestClient rest = platform.rest();
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8), Json.parse(
                "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Ticker\",\"capabilityModel\":"
                + "{\"@id\":\"dtmi:opencentral:faults:tick;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Telemetry\",\"name\":\"n\",\"schema\":\"integer\"}]}}")).ok();
        String key = platform.createDevice("ticker");
        rest.patch("/devices/ticker", Map.of("template", TEMPLATE)).ok();
        return TestDevice.overTls(platform, "ticker", key);
    }

    private static void send(TestDevice device, int from, int to) {
        CompletableFuture.allOf(IntStream.range(from, to)
                .mapToObj(n -> device.sendTelemetry("{\"n\": " + n + "}"))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** The telemetry of a raw data page (newest first, with the connection changes), oldest first. */
    private static List<JsonNode> oldestFirst(JsonNode page) {
        List<JsonNode> messages = new ArrayList<>();
        page.path("value").forEach(message -> {
            if (message.path("kind").asText().equals("telemetry")) {
                messages.addFirst(message);
            }
        });
        return messages;
    }

    private int rawDataSize() {
        return oldestFirst(platform.rest().get("/devices/ticker/rawData?maxpagesize=500").ok()).size();
    }

    private int count() {
        return query("SELECT COUNT(n) FROM " + TEMPLATE).path(0).path("count_n").asInt();
    }

    private JsonNode query(String text) {
        return platform.rest().post("/query?api-version=2022-10-31-preview", Map.of("query", text)).ok()
                .path("results");
    }
}
