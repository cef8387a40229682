package org.opencentral.platform.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.store.OutboxEntry;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.platform.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the outbox's events to the event log in outbox order. Each {@link #runOnce()} appends the
 * oldest stored events, waits until the log has made them durable and only then removes them from
 * the outbox, so every committed change reaches the log even across crashes and restarts — at least
 * once: a crash (or a failed append) between the log's commit and the removal appends those events
 * again at the next step. Started, it runs at once whenever a change with events commits
 * ({@link OutboxStore#onCommitted}), so no change waits for a polling interval; nobody waits for the
 * log's commit either.
 */
public final class OutboxForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxForwarder.class);
    static final int BATCH = 500;

    private final OutboxStore outbox;
    private final EventLog log;
    private final BackgroundLoop loop = new BackgroundLoop("outbox-forwarder",
            () -> runOnce() < BATCH ? BackgroundLoop.Next.IDLE : BackgroundLoop.Next.AGAIN);

    public OutboxForwarder(OutboxStore outbox, EventLog log) {
        this.outbox = outbox;
        this.log = log;
    }

    /** Forwards at most one batch and waits until it is durable in the log; returns how many events. */
    public synchronized int runOnce() {
        List<OutboxEntry> entries = outbox.pending(BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] appended = entries.stream().map(e -> log.append(e.event()))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(appended).join();
        outbox.forwarded(entries);
        return entries.size();
    }

    /** Forwards in the background: what is waiting now, then at once after every committed change. */
    public void start() {
        outbox.onCommitted(loop::wake);
        loop.start();
        loop.wake();
    }

    /** Stops the loop, then forwards what is left (the event log must still be open). */
    @Override
    public void close() {
        loop.close();
        try {
            int forwarded;
            do {
                forwarded = runOnce();
            } while (forwarded > 0);
        } catch (RuntimeException e) {
            LOG.error("could not forward the last changes to the event log; they follow at the next start", e);
        }
    }
}
