package org.opencentral.platform.telemetry;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.eventlog.Batching;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.eventlog.LogConsumer;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.eventlog.GroupCommitLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * The whole embedded ingest path behind the log (part of {@link TelemetryIngestBenchmark}): JSON
 * messages of 1,000 devices × 10 numbers appended to the DuckDB event log (group commit) while
 * consumers follow it: the telemetry index ({@link TelemetryIndexer} into the DuckDB telemetry
 * store) and, unless {@code index} only, the last values ({@link LastValueProjection} into SQLite),
 * sharing their parses. Prints the append rate, the full-path rate (until every consumer caught
 * up), values per CPU-second of the process, each consumer's largest lag, and where reads came from.
 */
final class IngestPipelineBenchmark {
    static final int DEVICES = 1_000;
    static final int CAPABILITIES = 10;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");
    private static final int IN_FLIGHT = 50_000;

    private IngestPipelineBenchmark() {
    }

    /** One run in {@code directory} (emptied by the caller) with consumers reading {@code batch} events at most. */
    static void run(Path directory, int messages, boolean lastValuesToo, int batch) throws Exception {
        Batching batching = new Batching(batch, Batching.DEFAULTS.linger());
        TelemetryParses parses = new TelemetryParses();
        try (DuckDbEventLog log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
                TelemetryStore store = DuckDbTelemetryStore.open(directory.resolve("telemetry.duckdb"));
                StateStore state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random())) {
            List<LogConsumer> consumers = new ArrayList<>(List.of(new TelemetryIndexer(store, parses)));
            if (lastValuesToo) {
                createDevices(state);
                consumers.add(new LastValueProjection(state.lastValues(), parses));
            }
            List<ConsumerRunner> runners = consumers.stream()
                    .map(c -> new ConsumerRunner(log, state.cursors(), c, batching)).toList();
            Map<String, Long> maxLag = new ConcurrentHashMap<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> runners.forEach(r -> maxLag.merge(r.name(), r.lag(), Math::max)),
                    100, 100, TimeUnit.MILLISECONDS);
            double cpuBefore = cpuSeconds();
            long begin = System.nanoTime();
            runners.forEach(ConsumerRunner::start);
            double appended = append(log, messages, begin);
            while (log.lastSequence() < messages || runners.stream().anyMatch(r -> r.lag() > 0)) {
                Thread.sleep(10);
            }
            double all = (System.nanoTime() - begin) / 1e9;
            double cpu = cpuSeconds() - cpuBefore;
            sampler.shutdownNow();
            runners.forEach(ConsumerRunner::close);
            report(messages, batch, appended, all, cpu, maxLag, log, parses);
        }
    }

    private static double append(DuckDbEventLog log, int messages, long begin) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        for (int m = 0; m < messages; m++) {
            inFlight.acquireUninterruptibly();
            log.append(message(m)).whenComplete((sequence, error) -> inFlight.release());
        }
        inFlight.acquireUninterruptibly(IN_FLIGHT);
        return (System.nanoTime() - begin) / 1e9;
    }

    private static void report(int messages, int batch, double appended, double all, double cpu,
            Map<String, Long> maxLag, GroupCommitLog log, TelemetryParses parses) {
        long values = (long) messages * CAPABILITIES;
        System.out.printf("consumer batches of up to %,d events: event log append (group commit) %,d messages in "
                + "%.1f s = %,.0f messages/s%n", batch, messages, appended, messages / appended);
        System.out.printf("  full path (log + %s): %,d values in %.1f s = %,.0f values/s; process CPU %.1f s = "
                + "%,.0f values per CPU-second%n", String.join(" + ", maxLag.keySet()), values, all, values / all,
                cpu, values / cpu);
        maxLag.forEach((name, lag) -> System.out.printf("  largest lag of %s: %,d events%n", name, lag));
        System.out.printf("  reads from the in-memory tail %,d, from storage %,d; bodies parsed %,d, shared %,d%n",
                log.tailReads().fromMemory(), log.tailReads().fromStorage(), parses.stats().parsed(),
                parses.stats().hits());
    }

    private static void createDevices(StateStore state) {
        for (int d = 0; d < DEVICES; d++) {
            DeviceId id = DeviceId.of("device-" + d);
            state.devices().insert(Device.builder(id).createdAt(START).build());
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

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
