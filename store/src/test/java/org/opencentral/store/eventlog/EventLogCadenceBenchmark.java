package org.opencentral.store.eventlog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The whole {@link DuckDbEventLog} under an open loop (not a test): one thread appends {@code rate}
 * events a second on a fixed schedule (in steps of 1 ms), for each commit interval of the
 * {@link CommitCadence}, alternated: the writer thread's CPU per 100,000 events, commits a second and
 * events per commit, the commit (durable point) times, the background threads' (filler, checkpointer) CPU per
 * 100,000 events, and each append's time from its scheduled moment to its durable
 * acknowledgement (p50/p99/max; on a loaded machine that is mostly waiting for a core).
 *
 * <pre>./mvnw -q -pl store -am test-compile; java -cp store/target/test-classes:store/target/classes:… \
 *     org.opencentral.store.eventlog.EventLogCadenceBenchmark /tmp/elcad 20 1000,10000 0,1,3,5 2</pre>
 * Arguments: directory, seconds per run, offered rates (comma-separated), commit intervals in ms, rounds.
 */
public final class EventLogCadenceBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long STEP = TimeUnit.MILLISECONDS.toNanos(1);

    private EventLogCadenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        Duration run = Duration.ofSeconds(Long.parseLong(args[1]));
        int rounds = Integer.parseInt(args[4]);
        for (int round = 0; round < rounds; round++) {
            for (String rate : args[2].split(",")) {
                for (String interval : args[3].split(",")) {
                    CommitCadence cadence = CommitCadence.DEFAULTS.withInterval(Duration.ofMillis(Long.parseLong(interval)));
                    run(directory.resolve("r" + round + "-" + rate + "-" + interval), cadence, Integer.parseInt(rate), run);
                }
            }
        }
    }

    private static void run(Path directory, CommitCadence cadence, int rate, Duration run) {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> commitNanos = new ConcurrentLinkedQueue<>();
        long[] commits = new long[2];
        try (DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"), DuckDbLogSettings.DEFAULTS,
                TailLimits.DEFAULTS, cadence)) {
            log.observeBatches((events, queued, commit, failed) -> {
                commits[0]++;
                commits[1] += events;
                commitNanos.add(commit);
            });
            long writer = threadId("event-log-writer");
            long cpu = THREADS.getThreadCpuTime(writer);
            long behind = backgroundCpu();
            long start = System.nanoTime();
            long steps = run.toNanos() / STEP;
            long sent = 0;
            for (long step = 0; step < steps; step++) {
                long due = start + step * STEP;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                for (long target = (step + 1) * rate / 1_000; sent < target; sent++) {
                    log.append(EventLogWriteBenchmark.telemetry(sent))
                            .thenRun(() -> latencies.add(System.nanoTime() - due));
                }
            }
            long elapsed = System.nanoTime() - start;
            log.append(EventLogWriteBenchmark.telemetry(sent)).join();
            cpu = THREADS.getThreadCpuTime(writer) - cpu;
            behind = backgroundCpu() - behind;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] commitSorted = commitNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("rate %,6d/s, interval %d ms: %,d events in %.1f s; writer CPU %.2f s = %.2f CPU-s per 100k "
                            + "events, %.2f ms per commit; %,.0f commits/s, %.1f events each; ack p50 %.2f, p99 %.2f, max %.2f ms%n",
                    rate, cadence.interval().toMillis(), sent, elapsed / 1e9, cpu / 1e9, cpu / 1e4 / sent,
                    cpu / 1e6 / commits[0], commits[0] * 1e9 / elapsed, (double) commits[1] / commits[0],
                    percentile(sorted, 0.5), percentile(sorted, 0.99), percentile(sorted, 1.0));
            System.out.printf("    batch commit (durable point) mean %.2f, p50 %.2f, p90 %.2f, p99 %.2f ms; filler and "
                            + "checkpointer CPU %.2f CPU-s per 100k events%n",
                    Arrays.stream(commitSorted).average().orElse(0) / 1e6, percentile(commitSorted, 0.5),
                    percentile(commitSorted, 0.9), percentile(commitSorted, 0.99), behind / 1e4 / sent);
        }
    }

    private static long threadId(String name) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals(name)).findFirst().orElseThrow().threadId();
    }

    /** The CPU time of the log's background threads (the filler and the checkpointer, those that run). */
    private static long backgroundCpu() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("event-log-filler") || t.getName().equals("event-log-checkpointer"))
                .mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.threadId()))).sum();
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
    }
}
