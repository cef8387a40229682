package org.opencentral.store.eventlog;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.event.LoggedEvent;

/** Where a {@link GroupCommitLog} keeps its events: one engine's table and connections. */
interface LogStorage extends AutoCloseable {
    /** Writes {@code events} numbered from {@code firstSequence} in one transaction, committed on return. */
    void appendCommitted(long firstSequence, List<EncodedEvent> events) throws SQLException;

    /** The highest sequence ever written (also after retention removed it), 0 for a new log. */
    long maxSequence() throws SQLException;

    /** Up to {@code max} events with {@code after < seq <= upTo}, in order. */
    List<LoggedEvent> read(long after, long upTo, int max) throws SQLException;

    /** Up to {@code max} events of {@code device} with {@code seq < before} and {@code seq <= upTo}, newest first. */
    List<LoggedEvent> readDevice(String device, long before, long upTo, int max) throws SQLException;

    /**
     * Removes the events timed before {@code firstKeptDay} (UTC), first recording {@code horizon}
     * (the last durable sequence) so that sequences continue after everything was removed.
     * Returns the number of days removed.
     */
    int deleteBefore(LocalDate firstKeptDay, long horizon) throws SQLException;

    /**
     * Why the storage lags behind what it acknowledged (work it does after {@link #appendCommitted}
     * returned, failing), for {@code /healthz}; empty when it does no such work or it succeeds.
     */
    default Optional<String> problem() {
        return Optional.empty();
    }

    /** A short description for log lines (no credentials). */
    String describe();

    @Override
    void close();
}
