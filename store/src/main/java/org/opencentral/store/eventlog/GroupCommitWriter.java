package org.opencentral.store.eventlog;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.event.AppendSink;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.logging.RepeatedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The log's single writer thread. It takes what is queued (up to {@code maxBatch} events), waits
 * while its {@link CommitCadence} says so (collecting what arrives meanwhile), writes the batch in
 * one transaction, and only after the commit tells each append's sink its outcome in order (one
 * {@link AppendSink#batchEnd} per sink per batch) and wakes the listeners. A failed batch fails its
 * appends and reuses its sequence numbers (nothing of it was committed), so sequence numbers stay
 * gap-free, and leaves the reason as the log's {@link #problem()} until a batch commits again (a full
 * disk: the next batch after space returns). Sinks and futures are told on this thread: callers chain
 * only non-blocking work, or use the {@code ...Async} stages.
 */
final class GroupCommitWriter implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);

    /**
     * One queued append: the row to write, the event as readers get it back ({@link RecentEvents}),
     * the memory it is charged with there, and whom to tell its outcome.
     */
    record Pending(EncodedEvent event, PlatformEvent stored, int bytes, AppendSink<Object> sink, Object append,
            long enqueuedNanos) {
        @SuppressWarnings("unchecked") // the sink and its append were typed together in of(...)
        static <T> Pending of(EncodedEvent event, PlatformEvent stored, AppendSink<T> sink, T append) {
            return new Pending(event, stored, RecentEvents.sizeOf(event), (AppendSink<Object>) sink, append,
                    System.nanoTime());
        }
    }

    /** Completes the future of an {@link org.opencentral.core.event.EventLog#append(PlatformEvent)}. */
    static final AppendSink<CompletableFuture<Long>> FUTURES = new AppendSink<>() {
        @Override
        public void durable(CompletableFuture<Long> future, long sequence) {
            future.complete(sequence);
        }

        @Override
        public void failed(CompletableFuture<Long> future, Throwable cause) {
            future.completeExceptionally(cause);
        }

        @Override
        public void batchEnd() {
            // a future per append: nothing gathered to hand over
        }
    };

    /** Told about each committed batch before its sequence numbers become readable; must not block. */
    @FunctionalInterface
    interface Committed {
        void batch(long firstSequence, List<Pending> batch);
    }

    private static final Pending END = new Pending(null, null, 0, null, null, 0);

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final LogStorage storage;
    private final AtomicLong durable;
    private final Committed committed;
    private final Runnable onBatchDurable;
    private final int maxBatch;
    private final CommitCadence cadence;
    /** The distinct sinks of the batch being settled (few: one per event loop, plus the futures'). */
    private final List<AppendSink<Object>> sinks = new ArrayList<>();
    /** The writer thread while it waits for the cadence (an enqueue that makes the batch large wakes it). */
    private volatile Thread pacing;
    private volatile boolean finishing;
    private volatile BatchObserver observer = BatchObserver.NONE;
    private volatile Optional<String> problem = Optional.empty();
    /** While batches fail (a full disk), each would log its failure. */
    private final RepeatedFailures failures = RepeatedFailures.of(LOG);
    private long nextSequence;

    GroupCommitWriter(LogStorage storage, AtomicLong durable, Committed committed, Runnable onBatchDurable,
            int maxBatch, CommitCadence cadence) {
        this.storage = storage;
        this.durable = durable;
        this.committed = committed;
        this.onBatchDurable = onBatchDurable;
        this.maxBatch = maxBatch;
        this.cadence = cadence;
        this.nextSequence = durable.get() + 1;
    }

    void observe(BatchObserver batchObserver) {
        this.observer = batchObserver;
    }

    /** Why the last batch failed, since when; empty once a batch commits. */
    Optional<String> problem() {
        return problem;
    }

    void enqueue(Pending pending) {
        queue.add(pending);
        Thread waiting = pacing;
        if (waiting != null && queue.size() + 1 >= cadence.largeBatch()) {
            LockSupport.unpark(waiting);
        }
    }

    /** Asks the thread to write what is queued and stop; nothing may be enqueued after this. */
    void finish() {
        finishing = true;
        queue.add(END);
        Thread waiting = pacing;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        boolean running = true;
        long lastStart = System.nanoTime() - cadence.interval().toNanos();
        try {
            while (running) {
                batch.add(queue.take());
                pace(lastStart);
                queue.drainTo(batch, maxBatch - 1);
                running = !batch.remove(END);
                if (!batch.isEmpty()) {
                    lastStart = System.nanoTime();
                    write(batch);
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            settle(batch, 0, new IllegalStateException("the event log writer stopped"));
            List<Pending> left = new ArrayList<>();
            queue.drainTo(left);
            settle(left, 0, new IllegalStateException("the event log writer stopped"));
        }
    }

    /**
     * Waits until the cadence lets the next commit start ({@code lastStart} plus the interval), unless
     * a large batch is waiting or the log closes. One taken event plus the queue make the batch.
     */
    private void pace(long lastStart) throws InterruptedException {
        if (cadence.delayNanos(System.nanoTime() - lastStart, queue.size() + 1) == 0) {
            return;
        }
        pacing = Thread.currentThread();
        try {
            // checked again after publishing this thread: an enqueue or finish() just before saw no one to wake
            long delay;
            while (!finishing && (delay = cadence.delayNanos(System.nanoTime() - lastStart, queue.size() + 1)) > 0) {
                LockSupport.parkNanos(this, delay);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            pacing = null;
        }
    }

    private void write(List<Pending> batch) {
        long first = nextSequence;
        long start = System.nanoTime();
        long queued = start - batch.getFirst().enqueuedNanos();
        try {
            storage.appendCommitted(first, batch.stream().map(Pending::event).toList());
        } catch (SQLException | RuntimeException e) {
            long commit = System.nanoTime() - start;
            failures.log(Level.ERROR, e, "event log batch of {} events from sequence {} failed", batch.size(), first);
            if (problem.isEmpty()) {
                problem = Optional.of("the event log cannot store events (since " + Instant.now() + "): "
                        + e.getMessage());
            }
            nextSequence = recoverNextSequence(first);
            settle(batch, first,
                    new DomainException(ErrorCode.UNAVAILABLE, "the event log could not store the event", e));
            observe(batch.size(), queued, commit, true);
            return;
        }
        long commit = System.nanoTime() - start;
        if (problem.isPresent()) {
            failures.recovered();
            LOG.info("the event log stores events again from sequence {}", first);
            problem = Optional.empty();
        }
        nextSequence = first + batch.size();
        committed.batch(first, batch);
        durable.set(nextSequence - 1);
        settle(batch, first, null);
        onBatchDurable.run();
        observe(batch.size(), queued, commit, false);
    }

    private void observe(int events, long queued, long commit, boolean failed) {
        try {
            observer.batch(events, queued, commit, failed);
        } catch (RuntimeException e) {
            LOG.warn("an event log batch observer failed", e);
        }
    }

    /** After a failure, continue after what is really stored (normally nothing of the batch). */
    private long recoverNextSequence(long fallback) {
        try {
            return Math.max(fallback, storage.maxSequence() + 1);
        } catch (SQLException e) {
            return fallback;
        }
    }

    /**
     * Tells each append of {@code batch} its outcome (durable from sequence {@code first} on, or
     * {@code failure}), then each distinct sink the end of the batch: one hand-off per sink per batch.
     */
    private void settle(List<Pending> batch, long first, Throwable failure) {
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            if (pending == END) {
                continue;
            }
            try {
                if (failure == null) {
                    pending.sink().durable(pending.append(), first + i);
                } else {
                    pending.sink().failed(pending.append(), failure);
                }
            } catch (RuntimeException e) {
                LOG.warn("an append's sink failed", e);
            }
            if (!holds(sinks, pending.sink())) {
                sinks.add(pending.sink());
            }
        }
        for (AppendSink<Object> sink : sinks) {
            try {
                sink.batchEnd();
            } catch (RuntimeException e) {
                LOG.warn("an append's sink failed at the end of a batch", e);
            }
        }
        sinks.clear();
    }

    private static boolean holds(List<AppendSink<Object>> sinks, AppendSink<Object> sink) {
        for (int i = sinks.size() - 1; i >= 0; i--) {
            if (sinks.get(i) == sink) {
                return true;
            }
        }
        return false;
    }
}
