/**
 * The event log: {@link org.opencentral.store.eventlog.GroupCommitLog}, the group-commit
 * {@link org.opencentral.core.event.EventLog} (one writer thread, batches committed in one
 * transaction, futures completed after the commit, gap-free sequences from the single writer) over
 * two storages: {@link org.opencentral.store.eventlog.DuckDbEventLog} (embedded: two DuckDB files,
 * {@link org.opencentral.store.eventlog.LogFiles}, appended in turn so that
 * {@link org.opencentral.store.eventlog.DuckDbCheckpointer} can checkpoint the resting one off the
 * acknowledgement path) and
 * {@link org.opencentral.store.eventlog.PostgresEventLog} (table partitioned by day, dropped by
 * retention). Reads of the newest events are answered from memory by
 * {@link org.opencentral.store.eventlog.RecentEvents}, bounded by
 * {@link org.opencentral.store.eventlog.TailLimits}; older ones from storage, and so are one
 * device's events newest first ({@code readDevice}, for its raw data).
 * {@link org.opencentral.store.eventlog.EventCodec} is the engine-neutral mapping of each
 * {@link org.opencentral.core.event.PlatformEvent} kind to columns. Must not import the state-store
 * packages ({@code org.opencentral.store.jdbc}, {@code ...sqlite}, {@code ...postgres});
 * {@code EventCodec} and {@code EncodedEvent} must not import JDBC or DuckDB at all.
 */
package org.opencentral.store.eventlog;
