package org.opencentral.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.platform.security.BuiltInRole;

/** The telemetry history extension over real HTTP and a real DuckDB telemetry store. */
@Timeout(60)
class TelemetryHistoryApiTest extends PlatformApiTest {
    private static final DeviceId ID = DeviceId.of("th-1");
    private static final Instant START = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);

    Http api;

    @BeforeEach
    void operatorAndDevice() {
        api = new Http(platform.port, platform.token("viewer", BuiltInRole.APP_OPERATOR));
        assertThat(api.put("/api/devices/th-1?" + Http.V, "{}").status()).isEqualTo(200);
    }

    @Test
    void aWindowWithFewValuesAnswersTheRawPoints() {
        store("", "temperature", 10);

        JsonNode history = history("/telemetry/temperature/history?from=" + START + "&to=" + START.plusSeconds(3600));

        assertThat(history.path("kind").asText()).isEqualTo("points");
        assertThat(history.path("points")).hasSize(10);
        assertThat(history.at("/points/0/timestamp").asText()).isEqualTo(START.toString());
        assertThat(history.at("/points/0/value").asDouble()).isEqualTo(value(0));
        assertThat(history.at("/points/9/value").asDouble()).isEqualTo(value(9));
    }

    @Test
    void aWindowWithManyValuesAnswersBucketsThatKeepTheExtremes() {
        store("", "temperature", 3_600);

        JsonNode history = history("/telemetry/temperature/history?from=" + START + "&to=" + START.plusSeconds(3600)
                + "&maxPoints=50");

        assertThat(history.path("kind").asText()).isEqualTo("buckets");
        assertThat(history.path("width").asText()).isEqualTo("PT2M");
        JsonNode buckets = history.path("buckets");
        assertThat(buckets.size()).isBetween(1, 50);
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        long count = 0;
        for (JsonNode b : buckets) {
            min = Math.min(min, b.path("min").asDouble());
            max = Math.max(max, b.path("max").asDouble());
            count += b.path("count").asLong();
            assertThat(b.path("avg").asDouble()).isBetween(b.path("min").asDouble(), b.path("max").asDouble());
        }
        assertThat(count).isEqualTo(3_600);
        assertThat(min).isEqualTo(value(1_234));
        assertThat(max).isEqualTo(value(2_345));
    }

    @Test
    void componentSeriesAreReadThroughTheComponentPath() {
        store("sensors", "humidity", 5);

        JsonNode history = history("/components/sensors/telemetry/humidity/history?from=" + START);

        assertThat(history.path("points")).hasSize(5);
        assertThat(history("/telemetry/humidity/history?from=" + START).path("points")).isEmpty();
    }

    @Test
    void theDefaultWindowIsTheLastThirtyMinutes() {
        platform.telemetry.append(List.of(point("", "temperature", Instant.now().minusSeconds(60), 1),
                point("", "temperature", Instant.now().minusSeconds(3_600), 2)));

        JsonNode history = history("/telemetry/temperature/history");

        assertThat(history.path("kind").asText()).isEqualTo("points");
        assertThat(history.path("points")).hasSize(1);
    }

    @Test
    void invalidParametersAnswer400AndUnknownDevices404() {
        String base = "/api/devices/th-1/telemetry/temperature/history?" + Http.V;
        assertThat(api.get(base + "&from=yesterday").status()).isEqualTo(400);
        assertThat(api.get(base + "&from=yesterday").text()).contains("'from'");
        assertThat(api.get(base + "&from=" + START + "&to=" + START).status()).isEqualTo(400);
        assertThat(api.get(base + "&maxPoints=0").status()).isEqualTo(400);
        assertThat(api.get(base + "&maxPoints=5001").text()).contains("between 1 and 5000");
        assertThat(api.get(base + "&maxPoints=ten").status()).isEqualTo(400);
        assertThat(api.get("/api/devices/nobody/telemetry/temperature/history?" + Http.V).status()).isEqualTo(404);
    }

    private JsonNode history(String path) {
        Http.Reply reply = api.get("/api/devices/th-1" + path + (path.contains("?") ? "&" : "?") + Http.V);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    /** One value a second from {@link #START}: the minimum at 1,234 s and the maximum at 2,345 s. */
    private void store(String component, String name, int count) {
        List<TelemetryPoint> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(point(component, name, START.plusSeconds(i), value(i)));
        }
        platform.telemetry.append(points);
    }

    private static double value(int i) {
        return i == 1_234 ? -40 : i == 2_345 ? 99.5 : 20 + (i % 7);
    }

    private static TelemetryPoint point(String component, String name, Instant time, double value) {
        return new TelemetryPoint(new SeriesKey(ID, component, name), time, TelemetryValue.of(value));
    }
}
