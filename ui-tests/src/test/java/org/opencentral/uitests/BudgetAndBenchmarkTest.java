package org.opencentral.uitests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import com.microsoft.playwright.Locator;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.opencentral.core.Json;

/**
 * The first page load's compressed JavaScript stays under 300 KB (asserted), and the numbers for
 * BENCHMARKS.md (measured, never asserted): a device list of 100,000 devices and a 7-day chart.
 * Results go to {@code target/benchmarks/ui.json}.
 */
@Timeout(280)
class BudgetAndBenchmarkTest extends BrowserTest {
    private static final int BUDGET_BYTES = 300 * 1024;
    private static final int FLEET = 100_000;
    private static final int PAGE = 1_000;

    private static final Map<String, Object> RESULTS = new LinkedHashMap<>();

    @AfterAll
    static void stop() throws IOException {
        if (!RESULTS.isEmpty()) {
            Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots")).resolveSibling("benchmarks");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ui.json"), Json.write(RESULTS));
            System.out.println("UI benchmarks: " + Json.write(RESULTS));
        }
    }

    @Test
    void firstPageLoadFetchesUnder300KbOfCompressedJavaScript() {
        try (BrowserWindow window = session.open(platform.http())) {
            Page page = window.page();
            List<Response> scripts = new CopyOnWriteArrayList<>();
            page.onResponse(r -> {
                if (r.request().resourceType().equals("script")) {
                    scripts.add(r);
                }
            });
            page.navigate("/");
            SignInPage.shown(page).asAdministrator();
            page.waitForLoadState();
            long gzip = scripts.stream().mapToLong(r -> gzip(r.body())).sum();
            long raw = scripts.stream().mapToLong(r -> r.body().length).sum();
            RESULTS.put("firstLoadScripts", scripts.stream().map(Response::url).map(u -> URI.create(u).getPath()).toList());
            RESULTS.put("firstLoadJsGzipBytes", gzip);
            RESULTS.put("firstLoadJsRawBytes", raw);
            assertThat(scripts).isNotEmpty();
            assertThat(gzip).as("compressed JavaScript of the first page load (sign-in, then devices)")
                    .isLessThan(BUDGET_BYTES);
            Response asset = scripts.stream().filter(r -> URI.create(r.url()).getPath().startsWith("/assets/"))
                    .findFirst().orElseThrow();
            assertThat(asset.headers().get("cache-control")).as("a hashed asset").contains("immutable");
        }
    }

    @Test
    void measuresTheDeviceListWith100000DevicesAndA7DayChart() {
        try (BrowserWindow window = session.open(platform.http())) {
            Page page = window.page();
            SignInPage.open(page).asAdministrator();
            // The list pages through a synthetic fleet of 100,000 devices served by the browser's
            // request interception (the REST API's own paging cost is measured by the API's benchmarks).
            page.route(url -> url.contains("/api/devices?"), BudgetAndBenchmarkTest::fleetPage);
            page.navigate("/templates");
            long start = System.nanoTime();
            new AppShell(page).go("Devices");
            DeviceListPage devices = new DeviceListPage(page);
            assertThat(devices.deviceLink("Device 000000")).isVisible();
            devices.search().click();
            double interactive = millis(start);
            RESULTS.put("deviceListInteractiveMs", interactive);

            start = System.nanoTime();
            for (int i = 0; i < 400; i++) {
                devices.scrollToEnd();
                String shown = devices.loaded().textContent();
                if (shown.contains("100,000 loaded") && shown.contains("(all)")) {
                    break;
                }
                page.waitForTimeout(25);
            }
            assertThat(devices.loaded()).containsText("100,000 loaded (all)");
            // The last page may have arrived after the last scroll: scroll to the end of the full list.
            devices.scrollToEnd();
            RESULTS.put("deviceListAll100000LoadedByScrollingMs", millis(start));
            assertThat(devices.deviceLink("Device 099999")).isVisible();
            window.shot("20-device-list-100000");

            start = System.nanoTime();
            devices.search("device-0999");
            assertThat(devices.loaded()).containsText("100 matching loaded (all)");
            RESULTS.put("deviceListFilter100000Ms", millis(start));
            page.unrouteAll();

            for (int step : new int[] {60, 10}) {
                page.navigate("/bench/chart?days=7&step=" + step);
                assertThat(page.getByTestId("chart-ms")).containsText("ms");
                String text = page.getByTestId("chart-ms").textContent();
                RESULTS.put("chart7Days" + (7 * 86400 / step) + "PointsMs", Double.parseDouble(text.replace(" ms", "")));
            }
            window.shot("21-chart-7-days");
        }
    }

    @Test
    void measuresA7DayChartReadFromTheHistoryApi() {
        String device = "bench-7-days";
        platform.createDevice(device);
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<TelemetryPoint> week = new ArrayList<>();
        SeriesKey series = new SeriesKey(DeviceId.of(device), "", "temperature");
        for (int i = 7 * 1440; i > 0; i--) {
            double value = 20 + 5 * Math.sin(i / 200.0) + (i % 997 == 0 ? 15 : 0) + (i % 613 == 0 ? -12 : 0);
            week.add(new TelemetryPoint(series, end.minus(i, ChronoUnit.MINUTES), TelemetryValue.of(value)));
        }
        platform.telemetry().append(week);
        RESULTS.put("history7DaysStoredPoints", week.size());
        try (BrowserWindow window = session.open(platform.http())) {
            Page page = window.page();
            SignInPage.open(page).asAdministrator();
            TelemetryTab telemetry = TelemetryTab.open(page, device).showLast("7 days").chooseCapability("temperature");
            Locator figure = telemetry.historyChart("temperature");
            long start = System.nanoTime();
            telemetry.addChart();
            assertThat(figure).hasAttribute("data-render-ms", Pattern.compile("\\d"));
            RESULTS.put("history7DaysFirstChartMs", millis(start));
            RESULTS.put("history7DaysFirstChartInPageMs", Double.parseDouble(figure.getAttribute("data-render-ms")));
            RESULTS.put("history7DaysSummary", figure.getByTestId("history-summary").textContent());
            assertThat(figure.getByTestId("history-summary")).containsText("buckets");
            window.shot("22-history-7-days");
            for (int i = 0; i < 5; i++) {
                figure.evaluate("el => el.removeAttribute('data-render-ms')");
                start = System.nanoTime();
                telemetry.refresh();
                assertThat(figure).hasAttribute("data-render-ms", Pattern.compile("\\d"));
                RESULTS.put("history7DaysRefreshMs" + i, millis(start));
                RESULTS.put("history7DaysRefreshInPageMs" + i, Double.parseDouble(figure.getAttribute("data-render-ms")));
            }
        }
    }

    /**
     * A page of the synthetic fleet. The UI's search ({@code contains(id,'…')} in {@code $filter}) is
     * honoured, the rest of the filter ignored; the skiptoken is the index to continue from.
     */
    private static void fleetPage(Route route) {
        String url = route.request().url();
        int offset = 0;
        String filter = "";
        for (String part : URI.create(url).getRawQuery().split("&")) {
            String value = URLDecoder.decode(part.substring(part.indexOf('=') + 1), StandardCharsets.UTF_8);
            if (part.startsWith("%24skiptoken=") || part.startsWith("$skiptoken=")) {
                offset = Integer.parseInt(value);
            } else if (part.startsWith("%24filter=") || part.startsWith("$filter=")) {
                filter = value;
            }
        }
        Matcher search = Pattern.compile("contains\\(id,'([^']*)'\\)").matcher(filter);
        String needle = search.find() ? search.group(1).toLowerCase(java.util.Locale.ROOT) : "";
        StringBuilder body = new StringBuilder(PAGE * 160).append("{\"value\":[");
        int i = offset;
        for (int count = 0; i < FLEET && count < PAGE; i++) {
            String n = String.format("%06d", i);
            if (!("device-" + n).contains(needle)) {
                continue;
            }
            body.append(count++ == 0 ? "" : ",").append("{\"id\":\"device-").append(n).append("\",\"etag\":\"e\",")
                    .append("\"displayName\":\"Device ").append(n).append("\",\"enabled\":").append(i % 17 != 0)
                    .append(",\"provisioned\":").append(i % 3 == 0).append(",\"simulated\":false}");
        }
        int end = i;
        body.append(']');
        if (end < FLEET) {
            body.append(",\"nextLink\":\"/api/devices?api-version=2022-07-31&maxpagesize=").append(PAGE)
                    .append(filter.isEmpty() ? "" : "&%24filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8))
                    .append("&%24skiptoken=").append(end).append('"');
        }
        body.append('}');
        route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("application/json")
                .setBody(body.toString()));
    }

    private static double millis(long start) {
        return Math.round((System.nanoTime() - start) / 10_000.0) / 100.0;
    }

    private static long gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream();
        try (var gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.size();
    }
}
