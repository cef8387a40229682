package org.opencentral.api.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.opencentral.api.ApiConfig;
import org.opencentral.api.RateLimit;
import org.opencentral.api.TestPlatform;
import org.opencentral.core.Json;
import org.opencentral.platform.query.QueryLimits;
import org.opencentral.platform.query.service.QuerySettings;
import org.opencentral.platform.security.BuiltInRole;

/**
 * Latency and queries/s of {@code POST /api/query} over the store benchmark's data set: 1,000 devices
 * {@code device-0000}… of one template, one {@code temperature} value per device every few seconds
 * for the last 30 days, generated beforehand into {@code <dir>/telemetry.duckdb} by
 * {@code RollupQueryBenchmark generate VALUES <dir>/telemetry.duckdb}. The devices are created and
 * given a cloud property through the REST API; then each query runs closed-loop. The telemetry row
 * cap is raised to 1,000,000 so that the per-device hourly averages (720,000 rows) fit. The state
 * store and event log of an earlier run in the directory are deleted first.
 *
 * <p>Arguments: data directory, concurrency (2), warm-up seconds (5), measured seconds (20).
 */
public final class QueryApiBench {
    private static final String TEMPLATE = "dtmi:bench:QuerySensor;1";
    private static final int DEVICES = 1_000;

    private QueryApiBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        if (!Files.exists(dir.resolve("telemetry.duckdb"))) {
            throw new IllegalArgumentException(dir + "/telemetry.duckdb is missing: generate it first");
        }
        removeEarlierState(dir);
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Duration warmup = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 5);
        Duration measured = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 20);
        QueryLimits limits = QueryLimits.DEFAULTS;
        QuerySettings settings = new QuerySettings(new QueryLimits(limits.maxQueryLength(), limits.maxSelectItems(),
                limits.maxLogicalOperators(), limits.maxInListSize(), 1_000_000, limits.maxPropertyRows(),
                limits.maxNestingDepth()), Duration.ofSeconds(60));
        ApiConfig config = ApiConfig.of("127.0.0.1", 0, "0ne00000001")
                .withRateLimit(new RateLimit(1e9, 1_000_000_000)).withQuery(settings);
        try (TestPlatform platform = new TestPlatform(dir, config)) {
            String token = platform.token("bench", BuiltInRole.APP_ADMINISTRATOR);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            String base = "http://127.0.0.1:" + platform.port + "/api";
            long start = System.nanoTime();
            createFleet(client, base, token);
            System.out.printf("created the template and %,d devices in %.1f s%n", DEVICES,
                    (System.nanoTime() - start) / 1e9);
            ClosedLoop load = new ClosedLoop(client, concurrency);
            List<ClosedLoop.Result> results = new ArrayList<>();
            for (String[] scenario : scenarios()) {
                printSize(client, base, token, scenario);
                results.add(load.run(scenario[0], warmup, measured, () -> query(base, token, scenario[1])));
            }
            print(results, concurrency);
        }
    }

    /** The state store and event log of an earlier run: its secret key is gone, so they cannot be reopened. */
    private static void removeEarlierState(Path dir) throws java.io.IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("state.db")
                    || f.getFileName().toString().startsWith("events")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static List<String[]> scenarios() {
        return List.of(
                new String[] {"last value of every device", "SELECT $id, LAST(temperature) FROM " + TEMPLATE},
                new String[] {"WHERE on a cloud property", "SELECT $id, site FROM " + TEMPLATE + " WHERE site = 'north'"},
                new String[] {"one device, latest 100 rows", "SELECT TOP 100 $ts, temperature FROM " + TEMPLATE
                        + " WHERE WITHIN_WINDOW(P1D) AND $id = 'device-%04d' ORDER BY $ts DESC"},
                new String[] {"fleet AVG per hour, 30 days", "SELECT AVG(temperature) FROM " + TEMPLATE
                        + " WHERE WITHIN_WINDOW(P30D) GROUP BY WINDOW(PT1H)"},
                new String[] {"AVG per hour per device, 30 d", "SELECT $id, AVG(temperature) FROM " + TEMPLATE
                        + " WHERE WITHIN_WINDOW(P30D) GROUP BY WINDOW(PT1H)"});
    }

    private static void createFleet(HttpClient client, String base, String token) throws Exception {
        String template = "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Query bench\","
                + "\"capabilityModel\":{\"@id\":\"dtmi:bench:cm:QuerySensor;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Telemetry\",\"name\":\"temperature\",\"schema\":\"double\"},"
                + "{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"site\",\"schema\":\"string\"}]}}";
        send(client, token, "PUT", base + "/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8)
                + "?api-version=2022-07-31", template);
        for (int i = 0; i < DEVICES; i++) {
            String device = base + "/devices/" + String.format("device-%04d", i);
            send(client, token, "PUT", device + "?api-version=2022-07-31", "{\"displayName\":\"Bench " + i
                    + "\",\"template\":\"" + TEMPLATE + "\"}");
            send(client, token, "PATCH", device + "/properties?api-version=2022-07-31",
                    "{\"site\":\"" + (i % 4 == 0 ? "north" : "south") + "\"}");
        }
    }

    private static void send(HttpClient client, String token, String method, String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", token).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
        int status = client.send(request, BodyHandlers.discarding()).statusCode();
        if (status >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + status);
        }
    }

    private static HttpRequest query(String base, String token, String text) {
        String query = text.formatted(ThreadLocalRandom.current().nextInt(DEVICES));
        return HttpRequest.newBuilder(URI.create(base + "/query?api-version=2022-10-31-preview"))
                .timeout(Duration.ofSeconds(120)).header("Authorization", token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Json.object().put("query", query)))).build();
    }

    /** One run before the measurement: how many rows and bytes the query answers. */
    private static void printSize(HttpClient client, String base, String token, String[] scenario) throws Exception {
        long begin = System.nanoTime();
        var response = client.send(query(base, token, scenario[1]), BodyHandlers.ofString());
        int rows = response.statusCode() == 200 ? Json.parse(response.body()).path("results").size() : -1;
        System.out.printf("%s: status %d, %,d rows, %,d bytes, first run %.0f ms%n  %s%n", scenario[0],
                response.statusCode(), rows, response.body().length(), (System.nanoTime() - begin) / 1e6, scenario[1]);
    }

    private static void print(List<ClosedLoop.Result> results, int concurrency) {
        System.out.printf("%n%,d devices, %d concurrent queries, %d cores%n", DEVICES, concurrency,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-32s %9s %9s %9s %9s %9s %9s %7s%n", "query", "queries", "q/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "errors");
        for (ClosedLoop.Result r : results) {
            var h = r.micros();
            System.out.printf("%-32s %,9d %9.2f %9.1f %9.1f %9.1f %9.1f %7d%n", r.name(), r.requests(), r.perSecond(),
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3, r.errors());
        }
    }
}
