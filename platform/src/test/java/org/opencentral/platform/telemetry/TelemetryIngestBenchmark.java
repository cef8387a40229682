package org.opencentral.platform.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * Benchmark (not a test) of embedded ingest, 1,000 devices with 10 numeric capabilities each:
 * (1) the telemetry store alone, appending batches of typed points (raw rows + rollup merge per
 * batch; skipped when {@code store values} is 0); (2) the whole path, {@link IngestPipelineBenchmark}:
 * JSON messages appended to the DuckDB event log while consumers follow it, once per consumer batch
 * size given.
 *
 * <pre>args: [store values] [pipeline messages] [work directory] [consumers: all|index] [batch sizes, e.g. 2000,10000]</pre>
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
        boolean lastValuesToo = args.length <= 3 || !args[3].equals("index");
        List<Integer> consumerBatches = args.length > 4
                ? java.util.Arrays.stream(args[4].split(",")).map(Integer::parseInt).toList()
                : List.of(org.opencentral.platform.eventlog.Batching.DEFAULTS.maxEvents());
        for (int batch : storeValues > 0 ? List.of(20_000, 100_000, 500_000) : List.<Integer>of()) {
            storeOnly(directory.resolve("store-" + batch + ".duckdb"), storeValues, batch);
        }
        for (int batch : consumerBatches) {
            Path run = directory.resolve("pipeline-" + batch);
            clean(run);
            IngestPipelineBenchmark.run(run, messages, lastValuesToo, batch);
        }
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

    private static void clean(Path directory) throws java.io.IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(directory);
    }
}
