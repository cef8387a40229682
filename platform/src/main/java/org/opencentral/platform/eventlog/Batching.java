package org.opencentral.platform.eventlog;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ConsumerRunner} sizes its batches: at most {@code maxEvents} events per
 * {@link LogConsumer#handle}, and after a partial batch a pause of {@code linger} before reading
 * again. Every batch has a fixed cost (a cursor write, a store transaction, for the telemetry
 * store a rollup merge), so fuller batches leave more CPU to ingest; the price is up to
 * {@code linger} more lag. Under load the log's writer commits many small batches and each wakes
 * every consumer: without the pause, each would pay the fixed cost per group commit.
 */
public record Batching(int maxEvents, Duration linger) {
    /**
     * 20,000 events (about 200,000 telemetry values: the telemetry store's per-batch cost is paid
     * rarely) and 50 ms; measured against 2,000 to 50,000 in BENCHMARKS.md, issue 4. A fifth of the
     * log's in-memory tail, so consumers that keep up read from memory.
     */
    public static final Batching DEFAULTS = new Batching(20_000, Duration.ofMillis(50));
    /**
     * A {@link LogConsumer.Pace#PROMPT} consumer's: 2,000 events and 20 ms. Its lag is the age of the
     * oldest event it has not handled, and a batch's events count as unhandled until the whole batch
     * is: with the defaults, a backlog of 20,000 events was one step of up to 2 s beside a busy node
     * (BENCHMARKS.md, issue 14). A prompt consumer's fixed cost per batch must be small.
     */
    public static final Batching PROMPT = new Batching(2_000, Duration.ofMillis(20));

    private static final int MAX_EVENTS = 1_000_000;

    /** The batching of a consumer of {@code pace}. */
    public static Batching of(LogConsumer.Pace pace) {
        return switch (pace) {
            case BACKGROUND -> DEFAULTS;
            case PROMPT -> PROMPT;
        };
    }

    public Batching {
        Objects.requireNonNull(linger, "linger");
        if (maxEvents < 1 || maxEvents > MAX_EVENTS) {
            throw new IllegalArgumentException("a consumer batch holds 1 to " + MAX_EVENTS + " events, not " + maxEvents);
        }
        if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("a consumer lingers 0 to 10 s, not " + linger);
        }
    }
}
