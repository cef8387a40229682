package org.opencentral.api.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.opencentral.api.ApiConfig;
import org.opencentral.api.RateLimit;
import org.opencentral.api.TestPlatform;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.ListOrdering;
import org.opencentral.core.store.DeviceCursor;
import org.opencentral.core.store.DeviceField;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.platform.security.BuiltInRole;

/**
 * Requests/s and latency of {@code GET /api/devices/{id}} (random device) and {@code GET /api/devices}
 * (pages of 100 starting at a random device, by id and by displayName desc; and a first page of
 * {@code contains(displayName,'<random number below 1000>')} ordered by displayName) over
 * {@code devices} devices, real services on SQLite and DuckDB, rate limit raised out of the way.
 * req/CPU-s divides by the CPU time of the whole process (clients and server share it).
 *
 * <p>Arguments: devices (100000), concurrency (16), warm-up seconds (10), measured seconds (30).
 */
public final class DeviceApiBench {
    private static final String V = "api-version=2022-07-31";

    private DeviceApiBench() {
    }

    public static void main(String[] args) throws Exception {
        int devices = arg(args, 0, 100_000);
        int concurrency = arg(args, 1, 16);
        Duration warmup = Duration.ofSeconds(arg(args, 2, 10));
        Duration measured = Duration.ofSeconds(arg(args, 3, 30));
        Path dir = Files.createTempDirectory("oc-bench");
        ApiConfig config = ApiConfig.of("127.0.0.1", 0, "0ne00000001").withRateLimit(new RateLimit(1e9, 1_000_000_000));
        try (TestPlatform platform = new TestPlatform(dir, config)) {
            long start = System.nanoTime();
            insert(platform.state.devices(), devices);
            System.out.printf("inserted %,d devices in %.1f s%n", devices, (System.nanoTime() - start) / 1e9);
            String token = platform.token("bench", BuiltInRole.APP_ADMINISTRATOR);
            String base = "http://127.0.0.1:" + platform.port + "/api/devices";
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            ClosedLoop load = new ClosedLoop(client, concurrency);
            List<ClosedLoop.Result> results = new ArrayList<>();
            results.add(load.run("GET /api/devices/{id}", warmup, measured,
                    () -> get(base + "/" + id(random(devices)) + "?" + V, token)));
            results.add(load.run("GET /api/devices (100/page)", warmup, measured,
                    () -> get(base + "?" + V + "&maxpagesize=100&$skiptoken=" + cursor(random(devices)), token)));
            results.add(load.run("by displayName desc (100/page)", warmup, measured,
                    () -> get(base + "?" + V + "&maxpagesize=100&$orderby=displayName%20desc&$skiptoken="
                            + nameCursor(random(devices)), token)));
            results.add(load.run("contains(displayName) by name", warmup, measured,
                    () -> get(base + "?" + V + "&maxpagesize=100&$orderby=displayName&$filter="
                            + encode("contains(displayName,'" + random(1000) + "')"), token)));
            print(results, devices, concurrency);
        }
    }

    /** Inserts through the store: a few writers in parallel (the store serializes them on its one writer). */
    private static void insert(DeviceStore store, int count) {
        Instant now = Instant.now();
        SymmetricKeys keys = SymmetricKeys.generate();
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(i -> {
            store.insert(Device.builder(DeviceId.of(id(i))).displayName("Bench device " + i).etag("e" + i)
                    .keys(keys).createdAt(now).build());
            if (done.incrementAndGet() % 20_000 == 0) {
                System.out.printf("  %,d devices%n", done.get());
            }
        });
    }

    private static HttpRequest get(String url, String token) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", token).GET().build();
    }

    private static String id(int i) {
        return String.format("bench-%06d", i);
    }

    private static int random(int bound) {
        return ThreadLocalRandom.current().nextInt(bound);
    }

    /** The $skiptoken the API hands out for "the page after this device" in id order. */
    private static String cursor(int i) {
        return token(new DeviceCursor(DeviceListQuery.BY_ID, new ListLiteral.Text(id(i)), id(i)));
    }

    /** The $skiptoken of "the page after this device" in displayName desc order (keys are lower case). */
    private static String nameCursor(int i) {
        return token(new DeviceCursor(new ListOrdering<>(DeviceField.DISPLAY_NAME, ListOrdering.Direction.DESC),
                new ListLiteral.Text(("Bench device " + i).toLowerCase(java.util.Locale.ROOT)), id(i)));
    }

    private static String token(DeviceCursor cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.encode().getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void print(List<ClosedLoop.Result> results, int devices, int concurrency) {
        System.out.printf("%n%,d devices, %d concurrent requests, %d cores%n", devices, concurrency,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("%-32s %10s %10s %10s %9s %9s %9s %9s %9s %7s%n", "request", "requests", "req/s",
                "req/CPU-s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "errors");
        for (ClosedLoop.Result r : results) {
            var h = r.micros();
            System.out.printf("%-32s %,10d %,10.0f %,10.0f %9.2f %9.2f %9.2f %9.2f %9.2f %7d%n", r.name(),
                    r.requests(), r.perSecond(), r.perCpuSecond(), h.getValueAtPercentile(50) / 1e3,
                    h.getValueAtPercentile(90) / 1e3,
                    h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3,
                    r.errors());
        }
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index ? Integer.parseInt(args[index]) : fallback;
    }
}
