package org.opencentral.server.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.eventlog.GroupCommitLog;

/**
 * The event log writer's group commits on {@code /metrics}: events per batch, how long a batch's
 * oldest event waited for the writer, and how long writing and committing (fsync) took (for the
 * embedded log: the journal's write and fdatasync); the consumers' reads, answered by the in-memory
 * tail or by storage; and for the embedded log its filler, which appends the journal into DuckDB.
 */
final class EventLogMetrics {
    private EventLogMetrics() {
    }

    static void bind(MeterRegistry registry, GroupCommitLog log) {
        DistributionSummary size = DistributionSummary.builder("opencentral.eventlog.batch.size")
                .description("events per group commit").baseUnit("events")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        Timer commit = Timer.builder("opencentral.eventlog.batch.commit")
                .description("writing and committing one batch (durable on completion)")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        Timer queued = Timer.builder("opencentral.eventlog.batch.queued")
                .description("how long a batch's oldest event waited before its commit started (the cadence included)")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        Counter failed = Counter.builder("opencentral.eventlog.batch.failures").register(registry);
        FunctionCounter.builder("opencentral.eventlog.reads", log, l -> l.tailReads().fromMemory())
                .description("reads answered by the log's in-memory tail").tag("from", "memory").register(registry);
        FunctionCounter.builder("opencentral.eventlog.reads", log, l -> l.tailReads().fromStorage())
                .description("reads answered by the log's storage").tag("from", "storage").register(registry);
        log.observeBatches((events, queuedNanos, commitNanos, failure) -> {
            size.record(events);
            commit.record(commitNanos, TimeUnit.NANOSECONDS);
            queued.record(queuedNanos, TimeUnit.NANOSECONDS);
            if (failure) {
                failed.increment();
            }
        });
        if (log instanceof DuckDbEventLog embedded) {
            bindFills(registry, embedded);
        }
    }

    /** The embedded log's filler: how far DuckDB lags the journal, and its transactions. */
    private static void bindFills(MeterRegistry registry, DuckDbEventLog log) {
        Gauge.builder("opencentral.eventlog.fill.lag", log, DuckDbEventLog::fillLag)
                .description("events durable in the journal and not yet in the DuckDB files").baseUnit("events")
                .register(registry);
        Timer fill = Timer.builder("opencentral.eventlog.fill.commit")
                .description("appending and committing one fill of the DuckDB files from the journal")
                .publishPercentiles(0.5, 0.99).publishPercentileHistogram().register(registry);
        DistributionSummary size = DistributionSummary.builder("opencentral.eventlog.fill.size")
                .description("events per fill of the DuckDB files").baseUnit("events").register(registry);
        Counter failed = Counter.builder("opencentral.eventlog.fill.failures").register(registry);
        log.observeFills((events, commitNanos, failure) -> {
            if (failure) {
                failed.increment();
                return;
            }
            fill.record(commitNanos, TimeUnit.NANOSECONDS);
            size.record(events);
        });
    }
}
