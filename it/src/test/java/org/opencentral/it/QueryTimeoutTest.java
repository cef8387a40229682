package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.server.config.QueryConfig;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestPlatform;

/**
 * The configured query timeout cancels the database statement: over a million stored values a
 * query with a 1 ms budget answers IoT Central's error body with 504, and the server goes on
 * answering queries (the connection the cancelled statement ran on is usable again).
 */
@Timeout(180)
class QueryTimeoutTest {
    private static final String TEMPLATE = "dtmi:contoso:SlowQuery;1";
    private static final String DEVICE = "slow-query-sensor";
    private static final int VALUES = 1_000_000;
    private static final int BATCH = 100_000;
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(config -> config.toBuilder()
                .query(QueryConfig.defaults().withTimeout(Duration.ofMillis(1))).build());
        platform.rest().put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8), Json.parse(
                "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Slow query\",\"capabilityModel\":"
                + "{\"@id\":\"dtmi:contoso:cm:SlowQuery;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"}]}}")).ok();
        platform.createDevice(DEVICE);
        platform.rest().patch("/devices/" + DEVICE, Map.of("template", TEMPLATE)).ok();
        seedValuesOverTheLastHour();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aQueryOverItsTimeBudgetIsCancelledWith504AndTheServerKeepsServing() {
        RestClient.Response slow = query("SELECT $id, $ts, temperature FROM " + TEMPLATE
                + " WHERE WITHIN_WINDOW(PT2H) ORDER BY temperature DESC");

        assertThat(slow.status()).isEqualTo(504);
        assertThat(slow.body().at("/error/code").asText()).isEqualTo("GatewayTimeout");
        assertThat(slow.body().at("/error/message").asText()).contains("was cancelled");

        RestClient.Response next = query("SELECT $id, $displayName FROM " + TEMPLATE);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().at("/results/0/$id").asText()).isEqualTo(DEVICE);
    }

    private static RestClient.Response query(String text) {
        return platform.rest().post("/query?api-version=2022-10-31-preview", Map.of("query", text));
    }

    private static void seedValuesOverTheLastHour() {
        SeriesKey series = new SeriesKey(new DeviceId(DEVICE), "", "temperature");
        Instant first = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int start = 0; start < VALUES; start += BATCH) {
            List<TelemetryPoint> points = new ArrayList<>(BATCH);
            for (int i = start; i < start + BATCH; i++) {
                points.add(new TelemetryPoint(series, first.plusMillis(3L * i), TelemetryValue.of(i % 1_000)));
            }
            platform.telemetry().append(points);
        }
    }
}
