package org.opencentral.platform.rules;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.eventlog.LogConsumer;
import org.opencentral.platform.eventlog.LogConsumers;
import org.opencentral.platform.telemetry.LastValueProjection;
import org.opencentral.platform.telemetry.TelemetryIndexer;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.TelemetryConformance;

/**
 * {@link ConsumerShareBenchmark}'s {@code behind} mode: the telemetry consumers as a loaded server runs them, far
 * behind the log's head, as a fixed amount of work. The server's consumers run at nice 10 on a full machine and trail
 * the head by about 300,000 events, so they read full batches ({@code Batching.DEFAULTS}, 20,000 events) from
 * storage, not from the log's in-memory tail, and the messages are the load generator's ({@code bench/sim ingest
 * --size 256 --fields 8}: eight numbers and a {@code pad} string). The consumers of a node (one
 * {@link LogConsumers}: shared reads; one {@link TelemetryParses}) are stepped in turn on this thread, one batch
 * each, so that they read at the same positions as on a node whose consumers keep pace with one another. First
 * {@code 2 × devices} such messages are appended and caught up on (the first pass: series registered, devices seen),
 * then {@code M} more. For each pass: this thread's CPU time and allocated bytes per 100,000 events of each consumer
 * (ThreadMXBean, measured around each of its steps), the reads shared and made, and the parses shared and made.
 */
final class ConsumersBehind {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");
    private static final int RATE = 10_000;
    private static final int FIELDS = 8;

    private ConsumersBehind() {
    }

    static void run(RuleStores stores, TelemetryStore telemetry, int devices, int messages, int size) {
        TelemetryParses parses = new TelemetryParses();
        List<LogConsumer> consumers = List.of(
                new LastValueProjection(stores.state.lastValues(), parses),
                new TelemetryIndexer(telemetry, parses),
                new TelemetryConformance(stores.state.devices(), stores.templates, stores.state.telemetryIssues(),
                        parses));
        byte[] body = body(size);
        try (LogConsumers running = new LogConsumers(stores.log, stores.state.cursors(), consumers)) {
            System.out.printf(Locale.ROOT, "devices=%,d, messages of %d bytes, consumers behind by all of them; cores=%d%n",
                    devices, body.length, Runtime.getRuntime().availableProcessors());
            measure("first pass (series registered, devices seen)", stores, running, parses, 0, 2L * devices, devices,
                    body);
            measure("series known", stores, running, parses, 2L * devices, messages, devices, body);
        }
    }

    /** Appends {@code count} messages from {@code from}, lets the consumers catch up on them, prints their costs. */
    private static void measure(String title, RuleStores stores, LogConsumers running, TelemetryParses parses,
            long from, long count, int devices, byte[] body) {
        append(stores, from, count, devices, body);
        LogConsumers.ReadStats readsBefore = running.readStats();
        TelemetryParses.Stats parsesBefore = parses.stats();
        Map<String, long[]> cost = new HashMap<>();
        Map<String, Integer> batches = new HashMap<>();
        double process = processCpu();
        long begin = System.nanoTime();
        catchUp(running, cost, batches);
        double wall = (System.nanoTime() - begin) / 1e9;
        System.out.printf(Locale.ROOT, "%s: %,d messages%n%-24s %8s %8s %14s %12s%n", title, count, "consumer",
                "batches", "CPU-s", "CPU-s/100k ev", "bytes/event");
        for (ConsumerRunner runner : running.runners()) {
            long[] used = cost.get(runner.name());
            System.out.printf(Locale.ROOT, "%-24s %8d %8.2f %14.2f %,12.0f%n", runner.name(),
                    batches.getOrDefault(runner.name(), 0), used[0] / 1e9, used[0] / 1e4 / count,
                    (double) used[1] / count);
        }
        LogConsumers.ReadStats reads = running.readStats();
        TelemetryParses.Stats parsed = parses.stats();
        System.out.printf(Locale.ROOT, "events shared %,d, read %,d; parses shared %,d, made %,d; wall %.1f s, "
                + "process CPU %.2f s%n", reads.shared() - readsBefore.shared(), reads.read() - readsBefore.read(),
                parsed.hits() - parsesBefore.hits(), parsed.parsed() - parsesBefore.parsed(), wall,
                processCpu() - process);
    }

    /** Messages {@code from} to {@code from + count - 1}, timed {@code 1 / RATE} apart, round robin over the devices. */
    private static void append(RuleStores stores, long from, long count, int devices, byte[] body) {
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (long m = from; m < from + count; m++) {
            last = stores.log.append(new TelemetryReceived(RuleEngineBenchmark.device((int) (m % devices)),
                    START.plusNanos(m * 1_000_000_000L / RATE), Optional.empty(), Map.of(), Map.of(), body));
            if (m % 50_000 == 0) {
                last.join();
            }
        }
        last.join();
    }

    /** Steps the runners in turn, one batch each, until none has anything left; adds each one's CPU and bytes. */
    private static void catchUp(LogConsumers running, Map<String, long[]> cost, Map<String, Integer> batches) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        boolean more = true;
        while (more) {
            more = false;
            for (ConsumerRunner runner : running.runners()) {
                long cpu = threads.getCurrentThreadCpuTime();
                long bytes = threads.getCurrentThreadAllocatedBytes();
                if (runner.runOnce() > 0) {
                    more = true;
                    batches.merge(runner.name(), 1, Integer::sum);
                }
                long[] used = cost.computeIfAbsent(runner.name(), n -> new long[2]);
                used[0] += threads.getCurrentThreadCpuTime() - cpu;
                used[1] += threads.getCurrentThreadAllocatedBytes() - bytes;
            }
        }
    }

    /** The load generator's body ({@code sim}'s {@code Payload.json(size, 8)}): eight numbers, a pad to {@code size}. */
    static byte[] body(int size) {
        StringBuilder json = new StringBuilder("{");
        for (int f = 0; f < FIELDS; f++) {
            json.append(f == 0 ? "" : ",").append(String.format(Locale.ROOT, "\"f%d\":%.3f", f,
                    RuleEngineBenchmark.value(f)));
        }
        int padding = size - json.length() - 2 - "\"pad\":\"\"".length();
        if (padding > 0) {
            json.append(",\"pad\":\"").append("x".repeat(padding)).append('"');
        }
        return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
