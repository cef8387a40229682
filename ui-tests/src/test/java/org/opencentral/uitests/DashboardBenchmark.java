package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.testkit.RestClient;

/**
 * BENCHMARKS.md, "Dashboard of 20 tiles": 1,000 simulated phones, 30 days of hourly barometer and
 * battery values each (1.44 million stored values, with their rollups), a dashboard of 20 tiles
 * (line and bar charts, KPIs, maps of all 1,000 phones, counts, a last known value, markdown) shown
 * for the past 30 days in Chromium: the time from opening the page until every tile's data is loaded
 * and every chart and map is drawn, and from a range change until the same. Measured, never
 * asserted; not part of {@code verify} (run it by name, see BENCHMARKS.md). Results go to
 * {@code target/benchmarks/dashboard.json}.
 */
@Timeout(1800)
class DashboardBenchmark extends BrowserTest {
    private static final String PHONE = "dtmi:azureiot:PhoneSensors;1";
    private static final int DEVICES = 1_000;
    private static final int HOURS = 30 * 24;
    private static final int REQUESTS = 7;
    private final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void aDashboardOf20TilesOver1000DevicesWith30DaysOfData() throws IOException {
        RestClient rest = platform.rest();
        publishTemplate(PHONE, "azureiot/phonesensors-1.json");
        long started = System.nanoTime();
        for (int i = 0; i < DEVICES; i++) {
            // simulated, sending once when its simulation starts (its location) and then once a day
            rest.put("/devices/phone-" + i, Map.of("displayName", "Phone " + i, "template", PHONE, "simulated", true,
                    "simulationInterval", "PT24H")).ok();
        }
        rest.put("/deviceGroups/phones", Map.of("displayName", "Phones",
                "filter", "SELECT * FROM devices WHERE $template = \"" + PHONE + "\"")).ok();
        results.put("createDevicesMs", (System.nanoTime() - started) / 1_000_000);
        started = System.nanoTime();
        seedHistory();
        results.put("seedHistoryMs", (System.nanoTime() - started) / 1_000_000);
        rest.put("/dashboards/bench", dashboard().toString()).ok();
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2)).until(() -> rest
                .post("/dashboards/bench/data", Map.of("duration", "P30D")).ok().at("/tiles/map1/data/locations")
                .size() == DEVICES);

        try (BrowserWindow window = session.signedIn(platform.http())) {
            Page page = window.page();
            double[] load = loadAverage();
            long start = System.nanoTime();
            page.navigate("/dashboards/bench");
            page.getByLabel("Time range").selectOption("P30D");
            awaitDrawn(page, "");
            results.put("firstRenderMs", (System.nanoTime() - start) / 1_000_000.0);
            results.put("firstOpenRequests", firstOpenRequests(page));
            window.shot("90-dashboard-20-tiles");
            for (int i = 0; i < 5; i++) {
                String before = page.locator(".dash-status").getAttribute("data-loaded");
                page.getByLabel("Time range").selectOption(i % 2 == 0 ? "P7D" : "P30D");
                start = System.nanoTime();
                awaitDrawn(page, before);
                results.put("rangeChangeMs" + i, (System.nanoTime() - start) / 1_000_000.0);
            }
            results.put("dataRequest30DaysMs", timeDataRequests(rest, "P30D"));
            results.put("dataRequest7DaysMs", timeDataRequests(rest, "P7D"));
            results.put("loadAverageBefore", load);
            results.put("loadAverageAfter", loadAverage());
        }
        Path dir = Path.of("target/benchmarks");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("dashboard.json"), Json.write(results));
        System.out.println("Dashboard benchmark: " + Json.write(results));
    }

    /**
     * Where the first open spent its time, from the browser's own timings (ms since the navigation
     * started): the page's scripts and styles and every API request, each with its start and
     * duration, and when the DOM was ready.
     */
    private static Object firstOpenRequests(Page page) {
        return Json.parse(String.valueOf(page.evaluate("() => JSON.stringify({"
                + "domContentLoaded: Math.round(performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd),"
                + "resources: performance.getEntriesByType('resource').map((e) => ({"
                + "name: e.name.replace(location.origin, '') + (e.initiatorType === 'fetch' ? ' ' + e.initiatorType : ''),"
                + "start: Math.round(e.startTime), duration: Math.round(e.duration), bytes: e.transferSize}))})")));
    }

    /** The data request alone, from the test's HTTP client: {@value #REQUESTS} times in a row, each in ms. */
    private static List<Double> timeDataRequests(RestClient rest, String duration) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            long start = System.nanoTime();
            rest.post("/dashboards/bench/data", Map.of("duration", duration)).ok();
            times.add((System.nanoTime() - start) / 1_000_000.0);
        }
        return times;
    }

    /** Waits until a refresh newer than {@code before} is shown with every chart and map drawn. */
    private static void awaitDrawn(Page page, String before) {
        var wait = new LocatorAssertions.HasAttributeOptions().setTimeout(120_000);
        assertThat(page.locator(".dash-status")).not().hasAttribute("data-loaded", before.isEmpty()
                ? Pattern.compile("^$") : Pattern.compile("^" + before + "$"), new LocatorAssertions
                .HasAttributeOptions().setTimeout(120_000));
        Locator charts = page.locator(".tile-chart");
        assertThat(charts).hasCount(9, new LocatorAssertions.HasCountOptions().setTimeout(120_000));
        for (Locator chart : charts.all()) {
            assertThat(chart).hasAttribute("data-drawn", "true", wait);
        }
        for (Locator map : page.locator("svg.map").all()) {
            assertThat(map).hasAttribute("data-drawn", "true", wait);
            assertThat(map).hasAttribute("data-markers", String.valueOf(DEVICES), wait);
        }
    }

    private static void seedHistory() {
        Instant end = Instant.now().truncatedTo(ChronoUnit.HOURS);
        for (int d = 0; d < DEVICES; d++) {
            List<TelemetryPoint> points = new ArrayList<>(2 * HOURS);
            DeviceId device = DeviceId.of("phone-" + d);
            for (int h = HOURS; h > 0; h--) {
                Instant t = end.minus(h, ChronoUnit.HOURS);
                points.add(new TelemetryPoint(new SeriesKey(device, "", "barometer"), t,
                        TelemetryValue.of(1000 + 10 * Math.sin((h + d) / 24.0))));
                points.add(new TelemetryPoint(new SeriesKey(device, "", "battery"), t,
                        TelemetryValue.of(100 - (h % 100))));
            }
            platform.telemetry().append(points);
        }
    }

    private static ObjectNode dashboard() {
        ObjectNode body = Json.object().put("displayName", "Twenty tiles");
        ArrayNode tiles = body.putArray("tiles");
        String[] aggregates = {"avg", "min", "max", "sum", "count"};
        int n = 0;
        for (int i = 0; i < 6; i++) {
            tile(tiles, "line" + i, "lineChart", n++, i < 3 ? "barometer" : "battery", aggregates[i % 5]);
        }
        for (int i = 0; i < 3; i++) {
            tile(tiles, "bar" + i, "barChart", n++, "battery", aggregates[i]);
        }
        for (int i = 0; i < 5; i++) {
            tile(tiles, "kpi" + i, "kpi", n++, i % 2 == 0 ? "barometer" : "battery", aggregates[i]);
        }
        tile(tiles, "map1", "mapTelemetry", n++, "geolocation", "count");
        tile(tiles, "map2", "mapTelemetry", n++, "geolocation", "count");
        tile(tiles, "lkv", "lkv", n++, "barometer", "avg");
        simple(tiles, "count", n++, "{\"type\":\"deviceCount\",\"group\":\"phones\"}");
        simple(tiles, "connected", n++, "{\"type\":\"deviceCount\",\"connected\":true}");
        simple(tiles, "notes", n, "{\"type\":\"markdown\",\"description\":\"# Twenty tiles\\n1,000 phones, 30 days.\"}");
        return body;
    }

    private static void tile(ArrayNode tiles, String id, String type, int n, String capability, String aggregate) {
        ObjectNode config = Json.object().put("type", type).put("group", "phones");
        config.putArray("devices");
        config.putArray("capabilities").addObject().put("capability", capability).put("aggregateFunction", aggregate);
        if (!type.equals("lkv") && !type.startsWith("map")) {
            config.putObject("queryRange").put("type", "time").put("duration", "P30D");
        }
        simple(tiles, id, n, config.toString());
    }

    private static void simple(ArrayNode tiles, String id, int n, String configuration) {
        tiles.addObject().put("id", id).put("displayName", id).put("x", (n % 4) * 3).put("y", (n / 4) * 3)
                .put("width", 3).put("height", 3).set("configuration", Json.parse(configuration));
    }

    private static double[] loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }
}
