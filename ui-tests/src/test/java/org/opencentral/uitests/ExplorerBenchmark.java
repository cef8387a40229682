package org.opencentral.uitests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.testkit.RestClient;

/**
 * The data explorer's 30-day average split by 100 devices: 100 phones with 30 days of hourly
 * {@code barometer} values stored directly (the dashboard benchmark's data, for 100 devices), then
 * the explorer's request ({@code POST /api/dashboards/data} with its {@code dataExplorer} tile) timed
 * from the test's HTTP client, once to warm up and then five times. Not part of the build: run it
 * by name (BENCHMARKS.md).
 */
@Timeout(900)
class ExplorerBenchmark extends BrowserTest {
    private static final String PHONE = "dtmi:azureiot:PhoneSensors;1";
    private static final int DEVICES = 100;
    private static final int HOURS = 30 * 24;

    @Test
    void aThirtyDayAverageSplitBy100Devices() throws IOException {
        RestClient rest = platform.rest();
        publishTemplate(PHONE, "azureiot/phonesensors-1.json");
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        for (int d = 0; d < DEVICES; d++) {
            rest.put("/devices/phone-" + d, Map.of("displayName", "Phone " + d, "template", PHONE)).ok();
            List<TelemetryPoint> points = new ArrayList<>(HOURS);
            for (int h = HOURS; h > 0; h--) {
                points.add(new TelemetryPoint(new SeriesKey(DeviceId.of("phone-" + d), "", "barometer"),
                        end.minus(h, ChronoUnit.HOURS), TelemetryValue.of(1000 + 10 * Math.sin((h + d) / 24.0))));
            }
            platform.telemetry().append(points);
        }
        rest.put("/deviceGroups/phones", Map.of("displayName", "Phones",
                "filter", "SELECT * FROM devices WHERE $template = \"" + PHONE + "\"")).ok();
        String request = "{\"tiles\":[{\"id\":\"q\",\"displayName\":\"q\",\"x\":0,\"y\":0,\"width\":6,\"height\":4,"
                + "\"configuration\":{\"type\":\"dataExplorer\",\"group\":\"phones\",\"devices\":[],\"splitBy\":\"device\","
                + "\"capabilities\":[{\"capability\":\"barometer\",\"aggregateFunction\":\"avg\"}],"
                + "\"queryRange\":{\"type\":\"time\",\"duration\":\"P30D\"}}}]}";

        Map<String, Object> results = new LinkedHashMap<>();
        results.put("loadAverageBefore", Files.readString(Path.of("/proc/loadavg")).trim());
        JsonNode data = rest.post("/dashboards/data", request).ok().at("/tiles/q/data");
        assertThat(data.path("series")).hasSize(DEVICES);
        List<Double> runs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            rest.post("/dashboards/data", request).ok();
            runs.add((System.nanoTime() - start) / 1_000_000.0);
        }
        results.put("requestMs", runs);
        results.put("tableRows", data.at("/table/rows").size());
        results.put("loadAverageAfter", Files.readString(Path.of("/proc/loadavg")).trim());
        Path dir = Path.of("target/benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("explorer.json"), Json.write(results));
        System.out.println("Explorer benchmark: " + Json.write(results));
    }
}
