package org.opencentral.platform.eventlog;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.store.CursorStore;
import org.opencentral.platform.background.BackgroundLoop;

/**
 * Drives one {@link LogConsumer}: reads the log after the consumer's cursor, hands it batches and
 * saves the cursor after each. {@link #runOnce()} is one step (tests call it directly); {@link #start()}
 * runs steps on a {@link BackgroundLoop} of the consumer's {@link LogConsumer.Pace}, woken by every
 * durable append. Batches are sized by the runner's own {@link Batching} (by default the one of the
 * consumer's pace) and come from {@link SharedReads}, shared with the other runners of a
 * {@link LogConsumers} (a runner made on its own reads for itself). The cursor is read from the store
 * once, at the first step, and then kept in memory; the store keeps the durable copy, saved after each
 * batch (by the consumer itself when it {@linkplain LogConsumer#storesCursor stores it} with its work). While the consumer has use for no event ({@link LogConsumer#skips}), the runner reads nothing
 * and moves the cursor to the log's end.
 */
public final class ConsumerRunner implements AutoCloseable {
    private final EventLog log;
    private final SharedReads reads;
    private final CursorStore cursors;
    private final LogConsumer consumer;
    private final Batching batching;
    private final BackgroundLoop loop;
    /** The consumer's cursor: -1 until the first step reads it from the store. */
    private volatile long position = -1;
    private final AtomicLong eventsHandled = new AtomicLong();
    private boolean moreWaiting;
    private boolean skipped;

    public ConsumerRunner(EventLog log, CursorStore cursors, LogConsumer consumer) {
        this(log, cursors, consumer, Batching.of(consumer.pace()));
    }

    public ConsumerRunner(EventLog log, CursorStore cursors, LogConsumer consumer, Batching batching) {
        this(log, new SharedReads(log), cursors, consumer, batching);
    }

    ConsumerRunner(EventLog log, SharedReads reads, CursorStore cursors, LogConsumer consumer, Batching batching) {
        this.log = Objects.requireNonNull(log, "log");
        this.reads = Objects.requireNonNull(reads, "reads");
        this.cursors = Objects.requireNonNull(cursors, "cursors");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        this.batching = Objects.requireNonNull(batching, "batching");
        String name = "consumer-" + consumer.name();
        this.loop = switch (consumer.pace()) {
            case BACKGROUND -> new BackgroundLoop(name, this::step);
            case PROMPT -> BackgroundLoop.prompt(name, this::step);
        };
    }

    /** Processes at most one batch; returns how many events it handled. */
    public int runOnce() {
        long from = position >= 0 ? position : cursors.position(consumer.name());
        position = from;
        long durable = log.lastSequence();
        if (durable > from && consumer.skips(durable)) {
            if (!consumer.storesCursor()) {
                cursors.save(consumer.name(), durable);
            }
            position = durable;
            moreWaiting = false;
            skipped = true;
            return 0;
        }
        skipped = false;
        List<LoggedEvent> batch = reads.after(from, batching.maxEvents());
        if (batch.isEmpty()) {
            moreWaiting = false;
            return 0;
        }
        consumer.handle(batch);
        long last = batch.getLast().sequence();
        if (!consumer.storesCursor()) {
            cursors.save(consumer.name(), last);
        }
        position = last;
        eventsHandled.addAndGet(batch.size());
        // A full batch, or the rest of a batch shared by a runner ahead: more was durable before the read.
        moreWaiting = batch.size() >= batching.maxEvents() || last < durable;
        return batch.size();
    }

    /** How many durable events the consumer has not handled yet (0 before its first step). */
    public long lag() {
        long handled = position;
        return handled < 0 ? 0 : Math.max(0, log.lastSequence() - handled);
    }

    /** How many events the consumer has handled since this runner was created. */
    public long eventsHandled() {
        return eventsHandled.get();
    }

    public String name() {
        return consumer.name();
    }

    public void start() {
        log.onAppended(loop::wake);
        loop.start();
    }

    private BackgroundLoop.Next step() {
        int handled = runOnce();
        if (handled == 0) {
            // after a skip, linger as after a partial batch: not one cursor write per group commit
            return skipped ? BackgroundLoop.Next.pause(batching.linger()) : BackgroundLoop.Next.IDLE;
        }
        return moreWaiting ? BackgroundLoop.Next.AGAIN : BackgroundLoop.Next.pause(batching.linger());
    }

    @Override
    public void close() {
        loop.close();
    }
}
