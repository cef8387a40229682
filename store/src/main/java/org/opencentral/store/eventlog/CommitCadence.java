package org.opencentral.store.eventlog;

import java.time.Duration;
import java.util.Objects;

/**
 * How often the group-commit writer may commit: no commit starts sooner than {@code interval} after
 * the previous one started, unless {@code largeBatch} events are already waiting (a large batch
 * amortises the commit's fixed cost by itself, so the closed loop keeps its throughput). A writer
 * idle for longer than {@code interval} commits the next event at once. The wait bounds what the
 * commit's fixed CPU cost (about 2 ms for DuckDB, BENCHMARKS.md "Where the core goes at 10,000
 * msg/s") can take per second; an acknowledgement waits at most {@code interval} longer. Durability
 * does not change: an append is acknowledged after the commit that holds it. {@link #BACK_TO_BACK}
 * (an interval of 0) commits as soon as the previous commit ends.
 */
public record CommitCadence(Duration interval, int largeBatch) {
    /** The longest interval accepted: longer would only add latency. */
    public static final Duration MAX_INTERVAL = Duration.ofMinutes(1);

    /** At most one commit per 3 ms unless 1,000 events wait (BENCHMARKS.md, "The commit cadence and a cheaper commit"). */
    public static final CommitCadence DEFAULTS = new CommitCadence(Duration.ofMillis(3), 1_000);
    /** No pacing: the next commit starts when the previous one ends. */
    public static final CommitCadence BACK_TO_BACK = new CommitCadence(Duration.ZERO, 1);

    public CommitCadence {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("the event log's commit interval must be between 0 and "
                    + MAX_INTERVAL.toMillis() + " ms, not " + interval.toMillis() + " ms");
        }
        if (largeBatch < 1) {
            throw new IllegalArgumentException("the event log's large batch must be at least 1 event, not " + largeBatch);
        }
    }

    /** The same large batch, committing at most once per {@code newInterval}. */
    public CommitCadence withInterval(Duration newInterval) {
        return new CommitCadence(newInterval, largeBatch);
    }

    /**
     * How long a commit of {@code waiting} events must still wait, {@code sinceLastStart} nanoseconds
     * after the previous commit started; 0: start now.
     */
    long delayNanos(long sinceLastStart, int waiting) {
        long left = interval.toNanos() - sinceLastStart;
        return waiting >= largeBatch || left <= 0 ? 0 : left;
    }
}
