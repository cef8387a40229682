package org.opencentral.store.telemetry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.telemetry.SeriesKey;
import org.opencentral.core.telemetry.TelemetryPoint;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.core.telemetry.TelemetryValue;

/**
 * Benchmark (not a test): a new fleet's series registered through {@link TelemetryStore#append} as the
 * telemetry index sends them (issue 17) — batches of {@code events} messages of 8 numeric fields, round
 * robin over {@code devices} devices, so each batch of the first pass brings {@code events × 8} new series.
 * Then a second pass over the same devices (every series known) for the cost of the appends alone. Before
 * both, {@code existing} series of other devices are registered (untimed), as in a store that already has
 * a fleet.
 *
 * <pre>args: duckdb|postgres [devices, 10000] [existing series, 0] [events per batch, 500] [work directory]</pre>
 * Prints, per pass: the appending thread's CPU (ThreadMXBean), the process's CPU (DuckDB's threads, GC,
 * the JIT; PostgreSQL's server processes are not in it) and the wall time.
 */
public final class SeriesRegistrationBenchmark {
    private static final int FIELDS = 8;
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private SeriesRegistrationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args.length > 0 ? args[0] : "duckdb";
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int existing = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int events = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Path directory = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("series-bench");
        if (engine.equals("duckdb")) {
            Path file = directory.resolve("telemetry.duckdb");
            Files.deleteIfExists(file);
            Files.deleteIfExists(directory.resolve("telemetry.duckdb.wal"));
            try (TelemetryStore store = DuckDbTelemetryStore.open(file)) {
                run(store, devices, existing, events);
            }
        } else {
            try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("pg"))
                    .setCleanDataDirectory(true).start()) {
                try (TelemetryStore store = PostgresTelemetryStore.open(postgres.getJdbcUrl("postgres", "postgres"),
                        "postgres", "postgres")) {
                    run(store, devices, existing, events);
                }
            }
        }
    }

    private static void run(TelemetryStore store, int devices, int existing, int events) {
        for (int from = 0; from < existing; from += events * FIELDS) {
            store.append(points("old-", Math.min(existing - from, events * FIELDS) / FIELDS, from / FIELDS, 0, 0));
        }
        System.out.printf("%d devices x %d fields, %d series already in the store, batches of %d events%n",
                devices, FIELDS, existing, events);
        measure("first pass (registers " + devices * FIELDS + " series)", store, devices, events, 1);
        measure("second pass (every series known)", store, devices, events, 2);
    }

    private static void measure(String label, TelemetryStore store, int devices, int events, int second) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        for (int from = 0; from < devices; from += events) {
            store.append(points("dev-", Math.min(events, devices - from), from, second, from));
        }
        double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double process = (os.getProcessCpuTime() - process0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf("%-45s thread CPU %7.2f s, process CPU %7.2f s, wall %7.2f s (%d appends)%n",
                label, cpu, process, wall, (devices + events - 1) / events);
    }

    private static List<TelemetryPoint> points(String prefix, int count, int firstDevice, int second, int offset) {
        List<TelemetryPoint> points = new ArrayList<>(count * FIELDS);
        for (int d = 0; d < count; d++) {
            DeviceId device = DeviceId.of(prefix + (firstDevice + d));
            Instant time = T0.plusSeconds(second).plusNanos((offset + d) * 1_000L);
            for (int f = 0; f < FIELDS; f++) {
                points.add(new TelemetryPoint(new SeriesKey(device, "", "field" + f), time, TelemetryValue.of(d + f)));
            }
        }
        return points;
    }
}
