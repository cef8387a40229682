package org.opencentral.platform.rules;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.eventlog.LogConsumer;
import org.opencentral.platform.telemetry.LastValueProjection;
import org.opencentral.platform.telemetry.TelemetryIndexer;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.TelemetryConformance;
import org.opencentral.store.telemetry.DuckDbTelemetryStore;

/**
 * Benchmark (not a test) of what each event-log consumer costs per event, alone: the log of
 * {@link RuleEngineBenchmark}'s shape ({@code D} devices over {@code T} templates with telemetry
 * {@code f0}…{@code f7}, {@code R} threshold rules, {@code M} messages of 8 fields) is appended to a
 * DuckDB log first; then each consumer catches up on all of it from its own cursor through
 * {@link ConsumerRunner} in the default batches, one after the other, with its own parse cache (so
 * each pays the JSON parse it would pay alone). {@code read} is a consumer that does nothing (the
 * cost of reading and decoding the log); it runs first twice (the first warms the JIT). Prints the
 * wall time and the process CPU per 100,000 events of each.
 *
 * <pre>args: [devices 10000] [rules 1000] [templates 10] [messages 200000] [consumers to run, e.g. telemetry-index,rules: all]
 * java -Xmx4g --enable-native-access=ALL-UNNAMED -cp platform/target/test-classes:platform/target/classes:$(cat /tmp/cp.txt) \
 *     org.opencentral.platform.rules.ConsumerCostBenchmark 10000 1000 10 200000</pre>
 * (the class path as for {@link RuleEngineBenchmark}).
 */
public final class ConsumerCostBenchmark {
    private ConsumerCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rules = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int templates = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int messages = args.length > 3 ? Integer.parseInt(args[3]) : 200_000;
        List<String> only = args.length > 4 ? List.of(args[4].split(",")) : List.of();
        Path dir = Files.createTempDirectory("opencentral-consumer-bench");
        try (RuleStores stores = new RuleStores(dir, Clock.systemUTC());
                TelemetryStore telemetry = DuckDbTelemetryStore.open(dir.resolve("telemetry.duckdb"))) {
            RuleEngineBenchmark.setUp(stores, devices, rules, templates);
            RuleEngineBenchmark.append(stores, devices, messages, true);
            System.out.printf(Locale.ROOT, "devices=%,d rules=%,d templates=%d messages=%,d cores=%d%n", devices,
                    rules, templates, messages, Runtime.getRuntime().availableProcessors());
            for (LogConsumer consumer : consumers(stores, telemetry)) {
                if (only.isEmpty() || only.contains(consumer.name()) || consumer instanceof Reading) {
                    catchUp(stores, consumer, messages);
                }
            }
        }
    }

    private static List<LogConsumer> consumers(RuleStores stores, TelemetryStore telemetry) {
        List<LogConsumer> all = new ArrayList<>();
        all.add(new Reading("read-warm-up"));
        all.add(new Reading("read"));
        all.add(new LastValueProjection(stores.state.lastValues(), new TelemetryParses()));
        all.add(new TelemetryIndexer(telemetry, new TelemetryParses()));
        all.add(new TelemetryConformance(stores.state.devices(), stores.templates, stores.state.telemetryIssues(),
                new TelemetryParses()));
        all.add(new RuleEngine(stores.state.rules(), stores.log, new RuleEnginePorts(stores.sources(),
                stores.state.cursors(), new TelemetryParses(), stores.application()), stores.clock));
        return all;
    }

    private static void catchUp(RuleStores stores, LogConsumer consumer, int messages) {
        ConsumerRunner runner = new ConsumerRunner(stores.log, stores.state.cursors(), consumer);
        double cpuBefore = cpuSeconds();
        long begin = System.nanoTime();
        while (runner.runOnce() > 0) {
            // one batch per step, as the runner's loop does
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        double cpu = cpuSeconds() - cpuBefore;
        long events = runner.eventsHandled();
        System.out.printf(Locale.ROOT, "%-22s %,9d events  wall %6.2f s  CPU %6.2f s  = %5.2f CPU-s per 100k events, "
                + "%,8.0f events per CPU-s%n", consumer.name(), events, wall, cpu, cpu * 100_000 / events, events / cpu);
        if (events < messages) {
            throw new IllegalStateException(consumer.name() + " handled " + events + " of " + messages + " events");
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** Reads the log and does nothing with it. */
    private record Reading(String name) implements LogConsumer {
        @Override
        public void handle(List<LoggedEvent> batch) {
            if (batch.isEmpty()) {
                throw new IllegalStateException("an empty batch");
            }
        }
    }
}
