package org.opencentral.store.eventlog;

/**
 * Told about every batch the writer thread committed (or failed to commit), for metrics. Called on
 * the writer thread after the batch's futures were completed: it must be cheap and never block.
 */
@FunctionalInterface
public interface BatchObserver {
    /**
     * @param events events in the batch
     * @param queuedNanos how long the batch's oldest event waited in the queue before the writer took it
     * @param commitNanos time spent writing and committing the batch (the durable part)
     * @param failed whether the batch failed (its futures were failed)
     */
    void batch(int events, long queuedNanos, long commitNanos, boolean failed);

    BatchObserver NONE = (events, queuedNanos, commitNanos, failed) -> { };
}
