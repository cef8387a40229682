package org.opencentral.store.eventlog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.store.internal.DuckDbFiles;

/**
 * The event-log writer on its own (not a test). Two parts:
 *
 * <ol>
 * <li>{@code split}: batches of 256-byte telemetry written with {@link EventTable#appendCommitted}
 *     on one file with inline checkpoints off, timing the rows added to the Appender and the flush and commit
 *     (wall clock and the writing thread's CPU) per event;
 * <li>{@code log}: the whole {@link DuckDbEventLog}, fed by {@code threads} threads with
 *     {@code window} appends in flight each, alternately with inline checkpoints (one file, DuckDB's
 *     default 16 MiB) and background checkpoints (two files): events/s, the writer thread's CPU per
 *     event, and batch (append + commit) times.
 * </ol>
 *
 * <pre>./mvnw -q -pl store -Pbench test-compile exec:exec -Dbench.main=org.opencentral.store.eventlog.EventLogWriteBenchmark -Dbench.args="/tmp/elw 20 4 1000 2"</pre>
 * Arguments: directory, seconds per run, threads, window per thread, rounds.
 */
public final class EventLogWriteBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final DeviceId[] DEVICES = new DeviceId[1_000];
    private static final byte[] BODY = new byte[256];

    static {
        for (int i = 0; i < DEVICES.length; i++) {
            DEVICES[i] = DeviceId.of("bench-device-" + i);
        }
        Arrays.fill(BODY, (byte) 'x');
    }

    private EventLogWriteBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Duration run = Duration.ofSeconds(Long.parseLong(args[1]));
        int threads = Integer.parseInt(args[2]);
        int window = Integer.parseInt(args[3]);
        int rounds = Integer.parseInt(args[4]);
        split(directory.resolve("split"), run);
        for (int round = 0; round < rounds; round++) {
            for (boolean background : new boolean[] {false, true}) {
                DuckDbLogSettings settings = background ? DuckDbLogSettings.DEFAULTS
                        : new DuckDbLogSettings(false, 16L << 20, Duration.ofSeconds(2));
                log(directory.resolve("log-" + round + "-" + (background ? "background" : "inline")), settings,
                        run, threads, window);
            }
        }
    }

    static TelemetryReceived telemetry(long n) {
        return new TelemetryReceived(DEVICES[(int) (n % DEVICES.length)], Instant.now(), Optional.empty(), Map.of(),
                Map.of(), BODY);
    }

    private static void split(Path directory, Duration run) throws SQLException, java.io.IOException {
        Files.createDirectories(directory);
        try (DuckDBConnection connection = DuckDbFiles.connect(directory.resolve("events.duckdb"))) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET checkpoint_threshold = '100GB'");
            }
            LogFiles files = LogFiles.attach(connection, directory.resolve("events.duckdb"), false);
            EventTable.create(connection, files);
            DuckDBAppender appender = connection.createAppender(files.active().catalog(),
                    DuckDBConnection.DEFAULT_SCHEMA, "events");
            for (int batchSize : new int[] {500, 5_000}) {
                List<EncodedEvent> batch = new ArrayList<>();
                for (int i = 0; i < batchSize; i++) {
                    batch.add(EventCodec.encode(telemetry(i)));
                }
                long[] times = new long[4];
                long sequence = 1;
                long events = 0;
                long end = System.nanoTime() + run.toNanos();
                while (System.nanoTime() < end) {
                    long wall = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    EventTable.appendCommitted(connection, appender, sequence, batch, () -> {
                        times[0] += System.nanoTime() - wall;
                        times[1] += THREADS.getCurrentThreadCpuTime() - cpu;
                        times[2] -= System.nanoTime();
                        times[3] -= THREADS.getCurrentThreadCpuTime();
                    });
                    times[2] += System.nanoTime();
                    times[3] += THREADS.getCurrentThreadCpuTime();
                    sequence += batchSize;
                    events += batchSize;
                }
                System.out.printf("split, batches of %,d: %,d events; per event: rows %.2f µs (CPU %.2f), "
                        + "flush and commit %.2f µs (CPU %.2f)%n", batchSize, events, times[0] / 1e3 / events,
                        times[1] / 1e3 / events, times[2] / 1e3 / events, times[3] / 1e3 / events);
            }
            appender.close();
        }
    }

    private static void log(Path directory, DuckDbLogSettings settings, Duration run, int threads, int window)
            throws InterruptedException {
        ConcurrentLinkedQueue<long[]> batches = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong acked = new AtomicLong();
        try (DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"), settings)) {
            log.observeBatches((events, queuedNanos, commitNanos, failed) -> batches.add(new long[] {events, commitNanos}));
            long writer = writerThreadId();
            long cpuBefore = THREADS.getThreadCpuTime(writer);
            long start = System.nanoTime();
            List<Thread> appenders = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Semaphore inFlight = new Semaphore(window);
                appenders.add(Thread.ofPlatform().start(() -> {
                    for (long n = 0; !stop.get(); n++) {
                        inFlight.acquireUninterruptibly();
                        log.append(telemetry(n)).whenComplete((sequence, error) -> {
                            acked.incrementAndGet();
                            inFlight.release();
                        });
                    }
                }));
            }
            Thread.sleep(run.toMillis());
            long ackedAtEnd = acked.get();
            long elapsed = System.nanoTime() - start;
            long cpu = THREADS.getThreadCpuTime(writer) - cpuBefore;
            stop.set(true);
            for (Thread appender : appenders) {
                appender.join();
            }
            report(settings, ackedAtEnd, elapsed, cpu, new ArrayList<>(batches));
        }
    }

    private static void report(DuckDbLogSettings settings, long acked, long elapsedNanos, long writerCpuNanos,
            List<long[]> batches) {
        long[] commits = batches.stream().mapToLong(b -> b[1]).sorted().toArray();
        long events = batches.stream().mapToLong(b -> b[0]).sum();
        System.out.printf("log, %s checkpoints: %,.0f events/s acked; writer CPU %.2f µs per event; %,d batches "
                        + "(mean %,d events), append+commit p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                settings.backgroundCheckpoints() ? "background" : "inline", acked * 1e9 / elapsedNanos,
                writerCpuNanos / 1e3 / Math.max(1, events), commits.length, events / Math.max(1, commits.length),
                percentile(commits, 0.5), percentile(commits, 0.99), percentile(commits, 1.0));
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }

    private static long writerThreadId() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("event-log-writer"))
                .findFirst().orElseThrow().threadId();
    }
}
