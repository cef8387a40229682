package org.opencentral.platform.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.opencentral.core.store.TimeRetention;
import org.opencentral.platform.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link RetentionPolicy} to the event log and the telemetry store. {@link #runOnce()} is
 * one step driven by the injected {@link Clock} (tests call it directly); {@link #start} repeats it.
 * Each step is cheap: whole day partitions are dropped (PostgreSQL) or one day deleted per
 * transaction (DuckDB), and a day is only touched once.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    /** What one step removed, per target in the order given. */
    public record Result(Instant cutoff, List<Integer> daysRemoved) {
        public Result {
            daysRemoved = List.copyOf(daysRemoved);
        }
    }

    private final RetentionPolicy policy;
    private final Clock clock;
    private final List<TimeRetention> targets;
    private ScheduledExecutorService scheduler;

    public RetentionJob(RetentionPolicy policy, Clock clock, List<TimeRetention> targets) {
        this.policy = policy;
        this.clock = clock;
        this.targets = List.copyOf(targets);
    }

    public Result runOnce() {
        Instant cutoff = clock.instant().minus(policy.keep());
        List<Integer> removed = targets.stream().map(target -> target.deleteOlderThan(cutoff)).toList();
        if (removed.stream().anyMatch(days -> days > 0)) {
            LOG.info("retention removed days before {}: {}", cutoff, removed);
        }
        return new Result(cutoff, removed);
    }

    /** Runs a step now and then every {@code period} on a background thread. */
    public synchronized void start(Duration period) {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("retention").daemon(true).priority(BackgroundLoop.PRIORITY).factory()); // long native deletes: see BackgroundLoop
        scheduler.scheduleWithFixedDelay(this::runLogged, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runLogged() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("retention failed; retrying at the next period", e);
        }
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
