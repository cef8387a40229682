package org.opencentral.core.event;

/**
 * Receives the outcomes of appends made with {@link EventLog#append(PlatformEvent, AppendSink, Object)},
 * a group at a time: for each committed (or failed) batch the log calls {@link #durable} or
 * {@link #failed} for every append of the batch made with this sink, in append order, and then
 * {@link #batchEnd} once. A sink that hands work to another thread does it once per batch in
 * {@code batchEnd} instead of once per append. Called on the log's writer thread (or, for an append
 * refused at once, on the appending thread): implementations must not block.
 *
 * @param <T> what the appender keeps per append to act on its outcome
 */
public interface AppendSink<T> {
    /** {@code append} is durable with {@code sequence}. */
    void durable(T append, long sequence);

    /** {@code append} could not be stored: the caller must not acknowledge it. */
    void failed(T append, Throwable cause);

    /** The outcomes of one batch were all told. */
    void batchEnd();
}
