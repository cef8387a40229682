package org.opencentral.platform.eventlog;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.store.CursorStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one {@link LogConsumer}: reads the log after the consumer's cursor, hands it batches and
 * saves the cursor after each. {@link #runOnce()} is one step (tests call it directly); {@link #start()}
 * runs steps on a virtual thread, woken by every durable append.
 */
public final class ConsumerRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsumerRunner.class);
    private static final int BATCH = 2_000;
    /**
     * After a partial batch, how long the loop waits before reading again. The writer commits many
     * small batches under load and every append wakes every consumer: without this pause each
     * consumer would run one query, one decode pass, one handle and one cursor write per group
     * commit, competing for the CPU and the log's database with the ingest path. Waiting a moment
     * lets events accumulate into fuller batches; consumers lag by at most this much more.
     */
    private static final long LINGER_MILLIS = 50;

    private final EventLog log;
    private final CursorStore cursors;
    private final LogConsumer consumer;
    private final Semaphore wakeups = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public ConsumerRunner(EventLog log, CursorStore cursors, LogConsumer consumer) {
        this.log = log;
        this.cursors = cursors;
        this.consumer = consumer;
    }

    /** Processes at most one batch; returns how many events it handled. */
    public int runOnce() {
        long position = cursors.position(consumer.name());
        List<LoggedEvent> batch = log.read(position, BATCH);
        if (batch.isEmpty()) {
            return 0;
        }
        consumer.handle(batch);
        cursors.save(consumer.name(), batch.getLast().sequence());
        return batch.size();
    }

    public void start() {
        running = true;
        log.onAppended(wakeups::release);
        thread = Thread.ofVirtual().name("consumer-" + consumer.name()).start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                int handled = runOnce();
                if (handled == 0) {
                    wakeups.tryAcquire(1, TimeUnit.SECONDS);
                    wakeups.drainPermits();
                } else if (handled < BATCH && running) {
                    Thread.sleep(LINGER_MILLIS);
                    wakeups.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("consumer {} failed; retrying its batch", consumer.name(), e);
                sleepQuietly();
            }
        }
    }

    private void sleepQuietly() {
        try {
            wakeups.tryAcquire(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            wakeups.release();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
