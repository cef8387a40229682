package org.opencentral.core.store;

/** Durable read positions of the event log's consumers. */
public interface CursorStore {
    /** The last sequence number the consumer has fully processed, 0 if it never ran. */
    long position(String consumer);

    void save(String consumer, long sequence);
}
