package org.opencentral.core.event;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.opencentral.core.device.DeviceId;

/**
 * The durable, ordered log of every fact the platform accepted (DESIGN.md, "The event log is the
 * spine"). Implementations group-commit: many appends share one flush, and each append's future
 * completes only once the batch holding it is durable. Nothing acknowledged may be lost, not even
 * on {@code kill -9}.
 */
public interface EventLog extends AutoCloseable {
    /** The most events one {@link #readDevice} returns. */
    int MAX_DEVICE_READ = 500;

    /**
     * Appends one event. The future completes with the event's sequence number once it is durable,
     * or exceptionally if it could not be stored (the caller must then not acknowledge it).
     * Never blocks the caller.
     */
    CompletableFuture<Long> append(PlatformEvent event);

    /**
     * Appends one event and tells {@code sink} its outcome, grouped with the other appends of its
     * batch made with the same sink (see {@link AppendSink}): no future per append, one
     * {@link AppendSink#batchEnd} per batch. Never blocks the caller. This default tells each
     * outcome on its own; group-committing logs override it.
     */
    default <T> void append(PlatformEvent event, AppendSink<T> sink, T append) {
        append(event).whenComplete((sequence, error) -> {
            if (error != null) {
                sink.failed(append, error);
            } else {
                sink.durable(append, sequence);
            }
            sink.batchEnd();
        });
    }

    /** Up to {@code max} durable events with a sequence number greater than {@code afterSequence}, in order. */
    List<LoggedEvent> read(long afterSequence, int max);

    /**
     * Up to {@code max} (1..{@value #MAX_DEVICE_READ}) durable events about {@code device} with a
     * sequence number smaller than {@code beforeSequence}, newest first ({@code Long.MAX_VALUE} for
     * the newest). Paging with the last returned sequence as the next {@code beforeSequence} misses
     * and repeats none. Meant for people looking at one device (raw data), not for consumers.
     */
    List<LoggedEvent> readDevice(DeviceId device, long beforeSequence, int max);

    /** The sequence number of the newest durable event, 0 when the log is empty. */
    long lastSequence();

    /**
     * Registers a callback run after each durable batch (on the log's writer thread: it must only
     * wake the consumer up, never block).
     */
    void onAppended(Runnable listener);

    /** Flushes what is pending, completes its futures and releases the storage. */
    @Override
    void close();
}
