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
 * runs steps on a virtual thread, woken by every durable append. Batches are sized by {@link Batching}.
 */
public final class ConsumerRunner implements AutoCloseable {
    private final EventLog log;
    private final CursorStore cursors;
    private final LogConsumer consumer;
    private final Batching batching;
    private final BackgroundLoop loop;
    private volatile long position = -1;
    private final AtomicLong eventsHandled = new AtomicLong();

    public ConsumerRunner(EventLog log, CursorStore cursors, LogConsumer consumer) {
        this(log, cursors, consumer, Batching.DEFAULTS);
    }

    public ConsumerRunner(EventLog log, CursorStore cursors, LogConsumer consumer, Batching batching) {
        this.log = log;
        this.cursors = cursors;
        this.consumer = consumer;
        this.batching = Objects.requireNonNull(batching, "batching");
        this.loop = new BackgroundLoop("consumer-" + consumer.name(), this::step);
    }

    /** Processes at most one batch; returns how many events it handled. */
    public int runOnce() {
        long from = cursors.position(consumer.name());
        position = from;
        List<LoggedEvent> batch = log.read(from, batching.maxEvents());
        if (batch.isEmpty()) {
            return 0;
        }
        consumer.handle(batch);
        cursors.save(consumer.name(), batch.getLast().sequence());
        position = batch.getLast().sequence();
        eventsHandled.addAndGet(batch.size());
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
            return BackgroundLoop.Next.IDLE;
        }
        return handled < batching.maxEvents() ? BackgroundLoop.Next.pause(batching.linger()) : BackgroundLoop.Next.AGAIN;
    }

    @Override
    public void close() {
        loop.close();
    }
}
