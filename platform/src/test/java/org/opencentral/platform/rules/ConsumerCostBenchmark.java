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
import org.opencentral.platform.eventlog.LogConsumers;
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
 * cost of reading and decoding the log); it runs first twice (the first warms the JIT). The index
 * runs twice: its first pass registers every device's series (once per new fleet). Then the three
 * telemetry consumers catch up together, reading the log each for itself and then through one
 * {@link LogConsumers} ({@code together}). Prints the wall time and the process CPU per 100,000
 * events of each.
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
            if (only.isEmpty() || only.contains("together")) {
                together(stores, telemetry, "separate", messages);
                together(stores, telemetry, "shared", messages);
            }
        }
    }

    private static List<LogConsumer> consumers(RuleStores stores, TelemetryStore telemetry) {
        List<LogConsumer> all = new ArrayList<>();
        all.add(new Reading("read-warm-up"));
        all.add(new Reading("read"));
        all.add(new LastValueProjection(stores.state.lastValues(), new TelemetryParses()));
        // The first pass registers the devices' series (80,000 at 10,000 devices), as a new fleet does.
        all.add(new Renamed("telemetry-index-new-series", new TelemetryIndexer(telemetry, new TelemetryParses())));
        all.add(new TelemetryIndexer(telemetry, new TelemetryParses()));
        all.add(new TelemetryConformance(stores.state.devices(), stores.templates, stores.state.telemetryIssues(),
                new TelemetryParses()));
        all.add(new RuleEngine(stores.state.rules(), stores.log, stores.enginePorts(), stores.clock));
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

    /**
     * The three telemetry consumers (last values, index, conformance) catching up together, a batch
     * each in turn, with one parse cache as on a node: {@code separate} reads (each runner reads the
     * log itself, as before {@code SharedReads}) or {@code shared} (one {@link LogConsumers}).
     */
    private static void together(RuleStores stores, TelemetryStore telemetry, String reads, int messages) {
        TelemetryParses parses = new TelemetryParses();
        List<LogConsumer> three = List.of(
                new Renamed(reads + "-last-values", new LastValueProjection(stores.state.lastValues(), parses)),
                new Renamed(reads + "-telemetry-index", new TelemetryIndexer(telemetry, parses)),
                new Renamed(reads + "-telemetry-conformance", new TelemetryConformance(stores.state.devices(),
                        stores.templates, stores.state.telemetryIssues(), parses)));
        try (LogConsumers shared = new LogConsumers(stores.log, stores.state.cursors(), three)) {
            List<ConsumerRunner> runners = reads.equals("shared") ? shared.runners()
                    : three.stream().map(c -> new ConsumerRunner(stores.log, stores.state.cursors(), c)).toList();
            double cpuBefore = cpuSeconds();
            long begin = System.nanoTime();
            int handled;
            do {
                handled = 0;
                for (ConsumerRunner runner : runners) {
                    handled += runner.runOnce();
                }
            } while (handled > 0);
            double cpu = cpuSeconds() - cpuBefore;
            long events = runners.getFirst().eventsHandled();
            System.out.printf(Locale.ROOT, "together, %-8s reads: 3 consumers × %,d events  wall %6.2f s  CPU %6.2f s"
                    + "  = %5.2f CPU-s per 100k events; parses %s; reads %s%n", reads, events,
                    (System.nanoTime() - begin) / 1e9, cpu, cpu * 100_000 / events, parses.stats(),
                    reads.equals("shared") ? shared.readStats() : "each its own");
            if (events < messages) {
                throw new IllegalStateException("handled " + events + " of " + messages + " events");
            }
        }
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** {@code delegate} on a cursor of another name. */
    private record Renamed(String name, LogConsumer delegate) implements LogConsumer {
        @Override
        public void handle(List<LoggedEvent> batch) {
            delegate.handle(batch);
        }
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
