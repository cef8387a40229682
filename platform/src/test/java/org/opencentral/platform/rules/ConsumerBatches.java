package org.opencentral.platform.rules;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.platform.eventlog.Batching;
import org.opencentral.platform.eventlog.ConsumerRunner;
import org.opencentral.platform.eventlog.LogConsumer;
import org.opencentral.platform.telemetry.LastValueProjection;
import org.opencentral.platform.telemetry.TelemetryIndexer;
import org.opencentral.platform.telemetry.TelemetryParses;
import org.opencentral.platform.template.TelemetryConformance;

/**
 * {@link ConsumerShareBenchmark}'s load as a fixed amount of work: {@code S} seconds of a log that
 * received {@code R} messages a second ({@code R × S} messages of 8 fields, timed {@code 1/R} apart,
 * round robin over the devices) are appended first; then each consumer catches up on it from its own
 * cursor in batches of {@code B} events (at 10,000 msg/s and the runners' 50 ms linger a consumer that
 * keeps up reads about 500), on this thread, with its own parse cache (each pays the parse it would
 * pay alone). The index runs twice: its first pass registers the fleet's series. Prints this
 * thread's CPU time and allocated bytes per 100,000 events of each, and the process CPU (DuckDB's own
 * threads included). CPU time is what the consumer used, whatever else ran on the machine.
 */
final class ConsumerBatches {
    private static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

    private ConsumerBatches() {
    }

    static void run(RuleStores stores, TelemetryStore telemetry, int devices, int rate, int seconds, int batch,
            String only) {
        long messages = (long) rate * seconds;
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (long m = 0; m < messages; m++) {
            last = stores.log.append(new TelemetryReceived(RuleEngineBenchmark.device((int) (m % devices)),
                    START.plusNanos(m * 1_000_000_000L / rate), Optional.empty(), Map.of(), Map.of(),
                    ConsumerShareBenchmark.Ingest.body(m)));
            if (m % 50_000 == 0) {
                last.join();
            }
        }
        last.join();
        System.out.printf(Locale.ROOT, "devices=%,d messages=%,d (%d s at %,d msg/s) batches of %,d events cores=%d%n",
                devices, messages, seconds, rate, batch, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-28s %10s %8s %8s %14s %12s %14s%n", "consumer", "events", "CPU-s", "wall s",
                "CPU-s/100k ev", "bytes/event", "process CPU-s");
        for (LogConsumer consumer : List.of(
                new Named("read", b -> { }),
                new Named("read-again", b -> { }),
                new LastValueProjection(stores.state.lastValues(), new TelemetryParses()),
                new Named("telemetry-index-new-series", new TelemetryIndexer(telemetry, new TelemetryParses())::handle),
                new TelemetryIndexer(telemetry, new TelemetryParses()),
                new TelemetryConformance(stores.state.devices(), stores.templates, stores.state.telemetryIssues(),
                        new TelemetryParses()))) {
            if (only.isEmpty() || List.of(only.split(",")).contains(consumer.name())
                    || consumer.name().startsWith("read")) {
                catchUp(stores, consumer, batch, messages);
            }
        }
    }

    private static void catchUp(RuleStores stores, LogConsumer consumer, int batch, long messages) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        ConsumerRunner runner = new ConsumerRunner(stores.log, stores.state.cursors(), consumer,
                new Batching(batch, Duration.ZERO));
        long cpu = threads.getCurrentThreadCpuTime();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        double process = processCpu();
        long begin = System.nanoTime();
        while (runner.runOnce() > 0) {
            // one batch per step, as the runner's loop does
        }
        long events = runner.eventsHandled();
        double seconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "%-28s %,10d %8.2f %8.1f %14.2f %,12.0f %14.2f%n", consumer.name(), events,
                seconds, (System.nanoTime() - begin) / 1e9, seconds * 1e5 / events,
                (double) (threads.getCurrentThreadAllocatedBytes() - bytes) / events, processCpu() - process);
        if (events < messages) {
            throw new IllegalStateException(consumer.name() + " handled " + events + " of " + messages + " events");
        }
    }

    private static double processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** A consumer under another cursor name. */
    private record Named(String name, java.util.function.Consumer<List<LoggedEvent>> handler) implements LogConsumer {
        @Override
        public void handle(List<LoggedEvent> batch) {
            handler.accept(batch);
        }
    }
}
