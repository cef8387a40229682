package org.opencentral.platform.rules;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.eventlog.LogConsumer;
import org.opencentral.platform.eventlog.LogConsumers;
import org.opencentral.platform.telemetry.LastValueProjection;
import org.opencentral.platform.telemetry.TelemetryIndexer;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.TelemetryConformance;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * Benchmark (not a test) of the event-log consumers' share of the CPU under a steady open-loop ingest:
 * one thread appends {@code R} telemetry messages a second (8 numeric fields, values varying, the
 * time of the append, round robin over {@code D} devices spread over {@code T} templates that model
 * the fields) to a DuckDB log, on its schedule whatever the log does; the consumers of a node (last
 * values, the telemetry index, conformance and the rule engine with {@code Q} rules, one
 * {@link TelemetryParses}, one {@link LogConsumers}: their own threads, budget, priorities, batching
 * and shared reads, as {@code Platform} runs them; the simulation trigger, which only looks for
 * device lifecycle events, is left out) follow it. After {@code W} seconds of warm-up, over {@code S}
 * seconds: each thread's CPU time and allocated bytes (ThreadMXBean) per 100,000 events it handled
 * (consumers) or per 100,000 messages (the others), the consumers' batches and their lag at the end.
 *
 * <pre>args: live [devices 10000] [msg/s 10000] [seconds 30] [warm-up 15] [rules 0] [templates 10]
 *       batches [devices 10000] [msg/s 10000] [seconds 10] [batch events 500] [rules 0] [templates 10] [consumers: all]
 *       behind [devices 10000] [messages 300000] [body bytes 256]
 * java -Xmx2g --enable-native-access=ALL-UNNAMED -cp platform/target/test-classes:platform/target/classes:$(cat /tmp/cp.txt) \
 *     org.opencentral.platform.rules.ConsumerShareBenchmark live 10000 10000 30 15</pre>
 * (the class path as for {@link RuleEngineBenchmark}). {@code batches} is {@link ConsumerBatches}: the same
 * load measured one consumer at a time in batches of a fixed size, independent of the machine's load; {@code behind}
 * is {@link ConsumersBehind}: the telemetry consumers of a loaded server, far behind the log's head.
 */
public final class ConsumerShareBenchmark {
    private static final int FIELDS = 8;
    private static final String INGEST = "bench-ingest";

    private ConsumerShareBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "live";
        int devices = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 15;
        int rules = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        int templates = args.length > 6 ? Integer.parseInt(args[6]) : 10;
        Path dir = Files.createTempDirectory("opencentral-consumer-share");
        try (RuleStores stores = new RuleStores(dir, Clock.systemUTC());
                TelemetryStore telemetry = DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"))) {
            RuleEngineBenchmark.setUp(stores, devices, rules, templates);
            if (mode.equals("behind")) {
                ConsumersBehind.run(stores, telemetry, devices, args.length > 2 ? Integer.parseInt(args[2]) : 300_000,
                        args.length > 3 ? Integer.parseInt(args[3]) : 256);
                return;
            }
            if (mode.equals("batches")) {
                ConsumerBatches.run(stores, telemetry, devices, rate, seconds, warmUp, args.length > 7 ? args[7] : "");
                return;
            }
            TelemetryParses parses = new TelemetryParses();
            Map<String, AtomicLong> batches = new HashMap<>();
            List<LogConsumer> consumers = List.of(
                    new LastValueProjection(stores.state.lastValues(), parses),
                    new TelemetryIndexer(telemetry, parses),
                    new TelemetryConformance(stores.state.devices(), stores.templates, stores.state.telemetryIssues(),
                            parses),
                    new RuleEngine(stores.state.rules(), stores.log, new RuleEnginePorts(stores.sources(),
                            stores.state.cursors(), parses, stores.application(), stores.edits), stores.clock));
            try (LogConsumers running = new LogConsumers(stores.log, stores.state.cursors(),
                    consumers.stream().map(c -> (LogConsumer) new Counted(c, batches.computeIfAbsent(c.name(),
                            n -> new AtomicLong()))).toList())) {
                Ingest ingest = new Ingest(stores, devices, rate);
                Thread appender = Thread.ofPlatform().name(INGEST).start(ingest);
                running.start();
                Thread.sleep(warmUp * 1000L);
                Snapshot before = Snapshot.take(running, batches, ingest);
                Thread.sleep(seconds * 1000L);
                Snapshot after = Snapshot.take(running, batches, ingest);
                ingest.stop = true;
                appender.join();
                report(devices, rate, rules, before, after, running);
            }
        }
    }

    private static void report(int devices, int rate, int rules, Snapshot before, Snapshot after,
            LogConsumers running) {
        double wall = (after.nanos - before.nanos) / 1e9;
        long messages = after.messages - before.messages;
        System.out.printf(Locale.ROOT, "devices=%,d offered=%,d msg/s rules=%d cores=%d: %,d messages appended in "
                + "%.1f s (%,.0f/s), process CPU %.2f s = %.2f CPU-s per 100k messages%n", devices, rate, rules,
                Runtime.getRuntime().availableProcessors(), messages, wall, messages / wall,
                after.process - before.process, (after.process - before.process) * 1e5 / messages);
        System.out.printf(Locale.ROOT, "%-32s %8s %7s %10s %8s %14s %12s %10s%n", "thread", "CPU-s", "% core",
                "events", "batches", "CPU-s/100k ev", "bytes/event", "lag at end");
        Map<String, Long> lags = new HashMap<>();
        for (ConsumerRunner runner : running.runners()) {
            lags.put(runner.name(), runner.lag());
        }
        for (Map.Entry<String, double[]> entry : after.threads.entrySet()) {
            double[] end = entry.getValue();
            double[] start = before.threads.getOrDefault(entry.getKey(), new double[2]);
            double cpu = end[0] - start[0];
            double bytes = end[1] - start[1];
            String consumer = entry.getKey().startsWith("consumer-") ? entry.getKey().substring(9) : null;
            long events = consumer == null ? messages
                    : after.events.getOrDefault(consumer, 0L) - before.events.getOrDefault(consumer, 0L);
            if (cpu < 0.01 && consumer == null) {
                continue;
            }
            System.out.printf(Locale.ROOT, "%-32s %8.2f %6.1f%% %10s %8s %14.2f %12.0f %10s%n", entry.getKey(), cpu,
                    100 * cpu / wall, consumer == null ? "(msgs)" : String.format(Locale.ROOT, "%,d", events),
                    consumer == null ? "" : String.format(Locale.ROOT, "%,d", after.batches.get(consumer)
                            - before.batches.getOrDefault(consumer, 0L)),
                    events == 0 ? Double.NaN : cpu * 1e5 / events, events == 0 ? Double.NaN : bytes / events,
                    consumer == null ? "" : String.format(Locale.ROOT, "%,d", lags.getOrDefault(consumer, -1L)));
        }
    }

    /** What was done by then: per thread name (pool numbers folded) CPU seconds and allocated bytes. */
    private record Snapshot(long nanos, double process, long messages, Map<String, Long> events,
            Map<String, Long> batches, Map<String, double[]> threads) {
        static Snapshot take(LogConsumers running, Map<String, AtomicLong> batches, Ingest ingest) {
            com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory
                    .getThreadMXBean();
            Map<String, double[]> threads = new TreeMap<>();
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                long cpu = bean.getThreadCpuTime(thread.threadId());
                long bytes = bean.getThreadAllocatedBytes(thread.threadId());
                if (cpu >= 0) {
                    double[] sums = threads.computeIfAbsent(thread.getName().replaceAll("\\d+", "*"),
                            n -> new double[2]);
                    sums[0] += cpu / 1e9;
                    sums[1] += bytes;
                }
            }
            Map<String, Long> events = new HashMap<>();
            running.runners().forEach(r -> events.put(r.name(), r.eventsHandled()));
            Map<String, Long> counted = new HashMap<>();
            batches.forEach((name, count) -> counted.put(name, count.get()));
            double process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime() / 1e9;
            return new Snapshot(System.nanoTime(), process, ingest.appended.get(), events, counted, threads);
        }
    }

    /** The consumer, counting its batches. */
    private record Counted(LogConsumer delegate, AtomicLong batches) implements LogConsumer {
        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public void handle(List<LoggedEvent> batch) {
            delegate.handle(batch);
            batches.incrementAndGet();
        }

        @Override
        public Pace pace() {
            return delegate.pace();
        }
    }

    /** Appends {@code rate} messages a second on a fixed schedule (open loop), round robin over the devices. */
    static final class Ingest implements Runnable {
        private final RuleStores stores;
        private final int devices;
        private final int rate;
        final AtomicLong appended = new AtomicLong();
        volatile boolean stop;

        Ingest(RuleStores stores, int devices, int rate) {
            this.stores = stores;
            this.devices = devices;
            this.rate = rate;
        }

        @Override
        public void run() {
            long start = System.nanoTime();
            long sent = 0;
            CompletableFuture<?> last = CompletableFuture.completedFuture(null);
            while (!stop) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                for (; sent < due; sent++) {
                    last = stores.log.append(new TelemetryReceived(RuleEngineBenchmark.device((int) (sent % devices)),
                            stores.clock.instant(), Optional.empty(), Map.of(), Map.of(), body(sent)));
                    appended.incrementAndGet();
                }
                LockSupport.parkNanos(1_000_000);
            }
            last.join();
        }

        static byte[] body(long m) {
            StringBuilder body = new StringBuilder("{");
            for (int f = 0; f < FIELDS; f++) {
                body.append(f == 0 ? "" : ",").append("\"f").append(f).append("\":")
                        .append(RuleEngineBenchmark.value(f) + (m % 97) / 1000.0);
            }
            return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
