package org.opencentral.core.store;

import java.time.Instant;

/**
 * Storage that forgets old data in whole UTC days: the cheap way (dropping a day's partition, or
 * deleting one day's range at a time), so retention can run continuously without rewriting tables.
 */
public interface TimeRetention {
    /**
     * Removes everything timed before {@code cutoff} truncated down to midnight UTC, and nothing
     * timed at or after that midnight. Returns how many day chunks were removed (day partitions
     * dropped, or day ranges deleted: engine-specific, for logging only).
     */
    int deleteOlderThan(Instant cutoff);
}
