package org.opencentral.store.eventlog;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.logging.RepeatedFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The embedded log's storage: a batch is durable once its record is in the {@link Journal} (one write and
 * an fdatasync, well under a DuckDB commit), and a filler thread appends what was journaled into DuckDB
 * behind the acknowledgements, in larger transactions every {@link #FILL_INTERVAL}, then releases the
 * journal's segments. What reads DuckDB first waits until the filler got as far as the read needs, so no
 * read misses a durable event; the in-memory tail answers the recent reads without waiting.
 *
 * <p>At open, whatever the journal holds after DuckDB's last sequence (a crash came before the filler) is
 * filled before the log takes appends. A failing fill (a full disk) keeps the events in the journal and is
 * retried with a growing pause; {@link #problem()} says it meanwhile. At close the filler fills everything
 * and the journal is emptied.
 *
 * <p>The filler runs at {@link Thread#MIN_PRIORITY}, the priority of the platform's background work
 * (nice 10 with the launcher's JVM flags), so that it never takes a core from the acknowledgement path.
 */
final class JournaledLogStorage implements LogStorage {
    private static final Logger LOG = LoggerFactory.getLogger(JournaledLogStorage.class);
    static final Duration FILL_INTERVAL = Duration.ofMillis(100);
    /** Events per DuckDB transaction of the filler at most (about: whole journal records). */
    static final int MAX_FILL = 50_000;
    /** How long a read waits for the filler before it fails (it only waits that long while fills fail). */
    static final Duration FILL_WAIT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final DuckDbLogStorage duckdb;
    private final Journal journal;
    private final Journal.Reader reader;
    private final Object progress = new Object();
    private final List<EncodedEvent> pending = new ArrayList<>();
    private final RepeatedFailures failures = RepeatedFailures.of(LOG);
    private final RepeatedFailures spareFailures = RepeatedFailures.of(LOG);
    private long pendingFirst;
    /** The last sequence in DuckDB; guarded by {@link #progress} for writes (waiters wait on it). */
    private volatile long filled;
    private volatile boolean stopping;
    private volatile Optional<String> problem = Optional.empty();
    private volatile DuckDbEventLog.FillObserver observer = (events, commitNanos, failed) -> { };
    private Thread filler;

    private JournaledLogStorage(DuckDbLogStorage duckdb, Journal journal, long stored) {
        this.duckdb = duckdb;
        this.journal = journal;
        this.reader = journal.reader();
        this.filled = stored;
    }

    /**
     * The journal in {@code directory} over {@code duckdb}: fills what it holds beyond DuckDB's last
     * sequence (replay after a crash), then starts the filler.
     */
    static JournaledLogStorage open(DuckDbLogStorage duckdb, Path directory) throws SQLException, IOException {
        return open(duckdb, directory, Journal.SEGMENT_BYTES, Journal.Force.FDATASYNC);
    }

    static JournaledLogStorage open(DuckDbLogStorage duckdb, Path directory, long segmentBytes, Journal.Force force)
            throws SQLException, IOException {
        long stored = duckdb.maxSequence();
        Journal journal = Journal.open(directory, stored, segmentBytes, force);
        JournaledLogStorage storage = new JournaledLogStorage(duckdb, journal, stored);
        try {
            while (storage.fillOnce()) {
                // replaying what a crash left in the journal only
            }
            storage.reader.releaseBehind();
            duckdb.closeAppenders();
        } catch (SQLException | IOException | RuntimeException e) {
            storage.reader.close();
            journal.close();
            throw e;
        }
        if (journal.last() > stored) {
            LOG.info("filled events {} to {} of the event log from its journal", stored + 1, journal.last());
        }
        storage.filler = Thread.ofPlatform().name("event-log-filler").daemon(true).priority(Thread.MIN_PRIORITY)
                .start(storage::fill);
        return storage;
    }

    /** Journals the batch: durable on return (DuckDB gets it from the filler). */
    @Override
    public void appendCommitted(long firstSequence, List<EncodedEvent> events) throws SQLException {
        try {
            journal.append(firstSequence, events);
        } catch (IOException e) {
            throw new SQLException("cannot write the event log journal: " + e.getMessage(), e);
        }
    }

    @Override
    public long maxSequence() {
        return journal.last();
    }

    @Override
    public List<LoggedEvent> read(long after, long upTo, int max) throws SQLException {
        awaitFilled(Math.min(upTo, after + max));
        return duckdb.read(after, upTo, max);
    }

    @Override
    public List<LoggedEvent> readDevice(String device, long before, long upTo, int max) throws SQLException {
        awaitFilled(Math.min(upTo, before - 1));
        return duckdb.readDevice(device, before, upTo, max);
    }

    /** Everything up to {@code horizon} first goes to DuckDB: retention deletes there, and records the horizon. */
    @Override
    public int deleteBefore(LocalDate firstKeptDay, long horizon) throws SQLException {
        awaitFilled(horizon);
        return duckdb.deleteBefore(firstKeptDay, horizon);
    }

    /** Copies the events up to {@code upTo}, once the filler has put them into DuckDB. */
    void backupTo(Path target, long upTo) throws SQLException {
        awaitFilled(upTo);
        duckdb.backupTo(target, upTo);
    }

    /** Journaled events not yet in DuckDB. */
    long fillLag() {
        return Math.max(0, journal.last() - filled);
    }

    void observeFills(DuckDbEventLog.FillObserver fillObserver) {
        this.observer = fillObserver;
    }

    @Override
    public Optional<String> problem() {
        return problem;
    }

    @Override
    public String describe() {
        return duckdb.describe();
    }

    /** Waits until DuckDB holds every event up to {@code sequence}, waking the filler. */
    private void awaitFilled(long sequence) throws SQLException {
        if (filled >= sequence) {
            return;
        }
        LockSupport.unpark(filler);
        long deadline = System.nanoTime() + FILL_WAIT.toNanos();
        synchronized (progress) {
            while (filled < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new SQLException("the event log's DuckDB files hold events up to " + filled + " only, "
                            + "not yet " + sequence + problem.map(p -> " (" + p + ")").orElse(""));
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("interrupted while waiting for the event log's filler", e);
                }
            }
        }
    }

    /** The filler thread: fills every interval (or when a read waits), retries with a growing pause. */
    private void fill() {
        long backoff = 0;
        while (true) {
            boolean last = stopping;
            try {
                while (fillOnce()) {
                    // more than one transaction's worth was journaled
                }
                reader.releaseBehind();
                if (problem.isPresent()) {
                    failures.recovered();
                    LOG.info("the event log fills its DuckDB files again, up to sequence {}", filled);
                    problem = Optional.empty();
                }
                backoff = 0;
                if (!last) {
                    prepareSpare();
                }
            } catch (SQLException | IOException | RuntimeException e) {
                failures.log(Level.ERROR, e, "filling the event log's DuckDB files from sequence {} failed",
                        filled + 1);
                if (problem.isEmpty()) {
                    problem = Optional.of("the event log cannot fill its DuckDB files from its journal (since "
                            + Instant.now() + "): " + e.getMessage());
                }
                observe(pending.size(), 0, true);
                backoff = Math.min(Math.max(2 * backoff, FILL_INTERVAL.toNanos()), MAX_BACKOFF.toNanos());
            }
            if (last) {
                return;
            }
            LockSupport.parkNanos(this, backoff > 0 ? backoff : FILL_INTERVAL.toNanos());
        }
    }

    /** A failed spare costs the journal only its zero-filling (the next segment grows as it is written). */
    private void prepareSpare() {
        try {
            journal.prepareSpare();
        } catch (IOException | RuntimeException e) {
            spareFailures.log(Level.WARN, e, "preparing the event log journal's next segment failed");
        }
    }

    /**
     * Appends up to {@link #MAX_FILL} journaled events (those read before and not stored yet first) to DuckDB
     * in one transaction; returns whether more are journaled.
     */
    private boolean fillOnce() throws SQLException, IOException {
        if (pending.isEmpty()) {
            pendingFirst = reader.next(filled, MAX_FILL, pending);
            if (pending.isEmpty()) {
                return false;
            }
        }
        long start = System.nanoTime();
        try {
            duckdb.appendCommitted(pendingFirst, pending);
        } catch (SQLException | RuntimeException e) {
            if (storedUpTo(e) < pendingFirst + pending.size() - 1) {
                throw e;
            }
            // the commit went through although it reported a failure
        }
        observe(pending.size(), System.nanoTime() - start, false);
        synchronized (progress) {
            filled = pendingFirst + pending.size() - 1;
            progress.notifyAll();
        }
        pending.clear();
        return journal.last() > filled;
    }

    /** DuckDB's last sequence after {@code failure}, or 0 if that cannot be read either. */
    private long storedUpTo(Exception failure) {
        try {
            return duckdb.maxSequence();
        } catch (SQLException e) {
            failure.addSuppressed(e);
            return 0;
        }
    }

    private void observe(int events, long commitNanos, boolean failed) {
        try {
            observer.fill(events, commitNanos, failed);
        } catch (RuntimeException e) {
            LOG.warn("an event log fill observer failed", e);
        }
    }

    /** Fills everything journaled into DuckDB, then empties the journal (kept if a fill failed: replayed at open). */
    @Override
    public void close() {
        stopping = true;
        if (filler != null) {
            LockSupport.unpark(filler);
            GroupCommitLog.joinUninterruptibly(filler);
        }
        try {
            reader.close();
            if (filled >= journal.last()) {
                journal.empty();
            } else {
                LOG.warn("closing the event log with events {} to {} in its journal only: filled at the next open",
                        filled + 1, journal.last());
            }
            journal.close();
        } catch (IOException e) {
            LOG.warn("closing the event log's journal failed: {}", e.getMessage());
        }
        duckdb.close();
    }
}
