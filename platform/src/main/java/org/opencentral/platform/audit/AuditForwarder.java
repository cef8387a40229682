package org.opencentral.platform.audit;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.PlatformEvent.AuditRecorded;
import org.opencentral.core.security.AuditEntry;
import org.opencentral.core.store.AuditLogStore;
import org.opencentral.core.store.CursorStore;
import org.opencentral.platform.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings audit entries from the state store, where they are durable before the API answers, to the
 * event log, in sequence order, from a durable position (cursor {@value #CURSOR}): an outbox. Each
 * {@link #runOnce()} appends the next entries, waits until the log has made them durable and only
 * then moves the position, so every entry reaches the log even across crashes and restarts — at
 * least once: a crash between the log's commit and the position's save appends those entries again,
 * with the same {@code auditSequence}, by which readers tell them apart. The API never waits for the
 * log (its commits take from 2 ms to seconds); {@link #wake()} starts a step at once instead.
 */
public final class AuditForwarder implements AutoCloseable {
    static final String CURSOR = "audit-forwarder";
    private static final Logger LOG = LoggerFactory.getLogger(AuditForwarder.class);
    private static final int BATCH = 500;

    private final AuditLogStore store;
    private final EventLog log;
    private final CursorStore cursors;
    private final BackgroundLoop loop = new BackgroundLoop("audit-forwarder",
            () -> runOnce() < BATCH ? BackgroundLoop.Next.IDLE : BackgroundLoop.Next.AGAIN);

    public AuditForwarder(AuditLogStore store, EventLog log, CursorStore cursors) {
        this.store = store;
        this.log = log;
        this.cursors = cursors;
    }

    /** Forwards at most one batch and waits until it is durable in the log; returns how many entries. */
    public synchronized int runOnce() {
        List<AuditEntry> entries = store.after(cursors.position(CURSOR), BATCH);
        if (entries.isEmpty()) {
            return 0;
        }
        CompletableFuture<?>[] appended = entries.stream()
                .map(e -> log.append(new AuditRecorded(e.time(), e.sequence(), AuditLog.toJson(e))))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(appended).join();
        cursors.save(CURSOR, entries.getLast().sequence());
        return entries.size();
    }

    /** Asks for a step now (an entry was stored); never blocks. */
    public void wake() {
        loop.wake();
    }

    /** Forwards in the background: at once when woken, and every second anyway. */
    public void start() {
        loop.start();
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
            LOG.error("could not forward the last audit entries; they follow at the next start", e);
        }
    }
}
