package org.opencentral.core.store;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.opencentral.core.event.PlatformEvent;

/**
 * The transactional outbox: a state change and the events that tell of it are written in one
 * transaction of the state store, so either both are stored or neither is. A forwarder then brings
 * the stored events to the event log in outbox order ({@link #pending}) and removes them once the
 * log has made them durable ({@link #forwarded}); a crash in between only delays them.
 */
public interface OutboxStore {
    /**
     * Runs {@code change} in one state-store transaction. Every store call it makes (on any port of
     * the same state store, from the calling thread) joins that transaction, and every event it
     * {@linkplain Recorder#record records} is stored in the outbox with it. Committed when the
     * change returns (then the {@link #onCommitted} listeners run), rolled back with its events when
     * it throws. Keep it short: on SQLite it holds the only write lock.
     */
    <T> T write(Function<Recorder, T> change);

    /** {@link #write} for a change without a result. */
    default void run(Consumer<Recorder> change) {
        write(events -> {
            change.accept(events);
            return Boolean.TRUE;
        });
    }

    /** Up to {@code max} stored events, oldest first. */
    List<OutboxEntry> pending(int max);

    /**
     * Removes these entries: they are durable in the log. By id, not up to an id: on PostgreSQL a
     * concurrent change may commit a smaller id after {@link #pending} read the larger ones.
     */
    void forwarded(List<OutboxEntry> entries);

    /**
     * Registers a callback run after each committed {@link #write} that recorded events (on the
     * writing thread: it must only wake a forwarder, never block).
     */
    void onCommitted(Runnable listener);

    /** Where a change records its events; only valid inside the {@link #write} that passed it. */
    @FunctionalInterface
    interface Recorder {
        void record(PlatformEvent event);
    }
}
