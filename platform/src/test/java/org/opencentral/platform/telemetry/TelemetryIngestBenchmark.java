package org.opencentral.platform.telemetry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * Benchmark (not a test) of embedded ingest, 1,000 devices with 10 numeric capabilities each:
 * (1) the telemetry store alone, appending batches of typed points (raw rows + rollup merge per
 * batch); (2) the whole path: JSON messages appended to the DuckDB event log (group commit) while
 * a {@link ConsumerRunner} runs the {@link TelemetryIndexer} (parse, flatten, append) behind it.
 *
 * <pre>args: [store values] [pipeline messages] [work directory]</pre>
 */
public final class TelemetryIngestBenchmark {
    private static final int DEVICES = 1_000;
    private static final int CAPABILITIES = 10;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    private TelemetryIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long storeValues = args.length > 0 ? Long.parseLong(args[0]) : 30_000_000L;
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path directory = Path.of(args.length > 2 ? args[2] : "/tmp/opencentral-ingest");
        clean(directory);
        System.out.printf("devices=%,d capabilities=%d cores=%d%n", DEVICES, CAPABILITIES,
                Runtime.getRuntime().availableProcessors());
        for (int batch : List.of(20_000, 100_000, 500_000)) {
            storeOnly(directory.resolve("store-" + batch + ".duckdb"), storeValues, batch);
        }
        pipeline(directory, messages);
    }

    /** Appends {@code values} points in batches of {@code batch}: one device-second per 10 values. */
    private static void storeOnly(Path file, long values, int batch) {
        List<SeriesKey> series = new ArrayList<>();
        for (int d = 0; d < DEVICES; d++) {
            for (int c = 0; c < CAPABILITIES; c++) {
                series.add(new SeriesKey(DeviceId.of("device-" + d), "", "cap" + c));
            }
        }
        try (TelemetryStore store = DuckDbTelemetryStore.open(file)) {
            long begin = System.nanoTime();
            long steadyBegin = 0;
            long written = 0;
            long second = 0;
            while (written < values) {
                List<TelemetryPoint> points = new ArrayList<>(batch);
                while (points.size() < batch) {
                    Instant time = START.plusSeconds(second++ / DEVICES);
                    int device = (int) (second % DEVICES);
                    for (int c = 0; c < CAPABILITIES; c++) {
                        points.add(new TelemetryPoint(series.get(device * CAPABILITIES + c), time,
                                TelemetryValue.of(20 + c + (second % 100) / 10.0)));
                    }
                }
                store.append(points);
                written += points.size();
                if (steadyBegin == 0) {
                    steadyBegin = System.nanoTime();
                }
            }
            long end = System.nanoTime();
            double seconds = (end - begin) / 1e9;
            double steady = (end - steadyBegin) / 1e9;
            System.out.printf("telemetry store alone, batches of %,d values: %,d values in %.1f s = %,.0f values/s; "
                    + "after the first batch (which registers the 10,000 series): %,.0f values/s%n",
                    batch, written, seconds, written / seconds, (written - batch) / steady);
        }
    }

    private static void pipeline(Path directory, int messages) throws Exception {
        try (DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
                TelemetryStore store = DuckDbTelemetryStore.open(directory.resolve("telemetry.duckdb"));
                ConsumerRunner runner = new ConsumerRunner(log, new InMemoryCursors(), new TelemetryIndexer(store))) {
            Semaphore inFlight = new Semaphore(50_000);
            long begin = System.nanoTime();
            runner.start();
            for (int m = 0; m < messages; m++) {
                inFlight.acquireUninterruptibly();
                log.append(message(m)).whenComplete((sequence, error) -> inFlight.release());
            }
            inFlight.acquireUninterruptibly(50_000);
            double appended = (System.nanoTime() - begin) / 1e9;
            while (store.raw(new SeriesKey(DeviceId.of("device-" + (messages - 1) % DEVICES), "", "cap9"),
                    new org.opencentral.core.telemetry.TimeRange(START, START.plusSeconds(86_400 * 30L)),
                    Integer.MAX_VALUE).size() < messages / DEVICES) {
                Thread.onSpinWait();
                Thread.sleep(20);
            }
            double indexed = (System.nanoTime() - begin) / 1e9;
            long values = (long) messages * CAPABILITIES;
            System.out.printf("event log append (group commit): %,d messages in %.1f s = %,.0f messages/s%n",
                    messages, appended, messages / appended);
            System.out.printf("log + indexer + telemetry store: %,d values in %.1f s = %,.0f values/s%n",
                    values, indexed, values / indexed);
        }
    }

    private static TelemetryReceived message(int m) {
        StringBuilder body = new StringBuilder("{");
        for (int c = 0; c < CAPABILITIES; c++) {
            body.append(c == 0 ? "" : ",").append("\"cap").append(c).append("\":").append(20 + c + (m % 100) / 10.0);
        }
        body.append('}');
        return new TelemetryReceived(DeviceId.of("device-" + m % DEVICES), START.plusSeconds(m / DEVICES),
                Optional.empty(), Map.of(), Map.of(), body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void clean(Path directory) throws java.io.IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(directory);
    }
}
