package org.opencentral.platform.outbox;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.store.OutboxEntry;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.platform.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the outbox's events to the event log in outbox order. Each {@link #runOnce()} appends the
 * oldest stored events, waits until the log has made them durable and only then removes them from
 * the outbox, so every committed change reaches the log even across crashes and restarts. Started,
 * it runs at once whenever a change with events commits ({@link OutboxStore#onCommitted}), so no
 * change waits for a polling interval; nobody waits for the log's commit either.
 *
 * <p>Delivery is at least once, but repeats are not observed: only one batch is ever between the
 * log and its removal from the outbox, so after a start or a failed step (a crash, or an append that
 * failed part way, may have left that batch in the log without removing it) the next step first
 * reads the log's newest {@value #TAIL} events and drops the leading outbox events it finds there,
 * in order (equal events: same kind, time to the nanosecond and content), before appending the rest.
 */
public final class OutboxForwarder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxForwarder.class);
    static final int BATCH = 500;
    /** How far back the log is searched for a batch appended but not removed (it was durable just before). */
    static final int TAIL = 20_000;

    private final OutboxStore outbox;
    private final EventLog log;
    /** Whether the last batch may be in the log without having been removed (guarded by {@code this}). */
    private boolean uncertain = true;
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
        List<OutboxEntry> unlogged = uncertain ? notInLog(entries) : entries;
        uncertain = true;
        CompletableFuture<?>[] appended = unlogged.stream().map(e -> log.append(e.event()))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(appended).join();
        outbox.forwarded(entries);
        uncertain = false;
        return entries.size();
    }

    /** The entries after the leading ones that the newest events of the log already hold, in order. */
    private List<OutboxEntry> notInLog(List<OutboxEntry> entries) {
        List<LoggedEvent> tail = log.read(Math.max(0, log.lastSequence() - TAIL), TAIL);
        int logged = 0;
        for (LoggedEvent event : tail) {
            if (logged < entries.size() && entries.get(logged).event().equals(event.event())) {
                logged++;
            }
        }
        if (logged > 0) {
            LOG.info("{} events of the outbox were already in the event log; removing them", logged);
        }
        return entries.subList(logged, entries.size());
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
        loop.closeAndDrain(this::runOnce, "could not forward the last changes to the event log; they follow at the "
                + "next start");
    }
}
