/**
 * The event log: {@link org.opencentral.store.eventlog.DuckDbEventLog}, the embedded
 * implementation of {@link org.opencentral.core.event.EventLog} on DuckDB with group commit, and
 * {@link org.opencentral.store.eventlog.EventCodec}, the engine-neutral mapping of each
 * {@link org.opencentral.core.event.PlatformEvent} kind to columns, to be reused by other logs
 * (PostgreSQL). Must not import the state-store packages ({@code org.opencentral.store.jdbc},
 * {@code ...sqlite}, {@code ...postgres}); {@code EventCodec} and {@code EncodedEvent} must not
 * import JDBC or DuckDB at all.
 */
package org.opencentral.store.eventlog;
