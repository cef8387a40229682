package org.opencentral.store.eventlog;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.AppendSink;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.core.store.TimeRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link EventLog} over a {@link LogStorage}: {@link #append} encodes on the caller's thread and
 * enqueues for the single {@link GroupCommitWriter} thread (the queue is unbounded: back-pressure
 * belongs to the ingest side), which commits at the pace its {@link CommitCadence} sets. Sequence numbers are assigned by that one writer in commit order,
 * and reads never go past the last committed sequence, so a reader never sees an event whose
 * append is not yet acknowledged and never skips one that commits later.
 *
 * <p>Reads of recent events are served from memory: the writer hands each committed batch to
 * {@link RecentEvents} (bounded by {@link TailLimits}) before publishing its sequences, and
 * {@link #read} answers from there when the range starts inside it, from storage otherwise (after
 * a restart, or for a consumer that fell behind the tail). Both give the same events.
 *
 * <p>This holds because there is exactly one writer per log (one process). A cluster does not
 * share one of these logs between nodes: there the log is Kafka, partitioned by device id, and the
 * order is per partition (offsets) instead of global.
 */
public abstract sealed class GroupCommitLog implements EventLog, TimeRetention
        permits DuckDbEventLog, PostgresEventLog {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitLog.class);
    /** Events written per transaction at most. */
    public static final int MAX_BATCH = 5_000;

    private final LogStorage storage;
    private final AtomicLong durable;
    private final RecentEvents recent;
    private final LongAdder readsFromMemory = new LongAdder();
    private final LongAdder readsFromStorage = new LongAdder();
    private final GroupCommitWriter writer;
    private final Thread writerThread;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    GroupCommitLog(LogStorage storage, long last, TailLimits tail, CommitCadence cadence) {
        this.storage = storage;
        this.durable = new AtomicLong(last);
        this.recent = new RecentEvents(Objects.requireNonNull(tail, "tail"));
        this.writer = new GroupCommitWriter(storage, durable, recent::add, this::notifyListeners, MAX_BATCH,
                Objects.requireNonNull(cadence, "cadence"));
        this.writerThread = Thread.ofPlatform().name("event-log-writer").daemon(true).start(writer);
        LOG.info("opened event log {} at sequence {}", storage.describe(), last);
    }

    @Override
    public CompletableFuture<Long> append(PlatformEvent event) {
        CompletableFuture<Long> future = new CompletableFuture<>();
        append(event, GroupCommitWriter.FUTURES, future);
        return future;
    }

    @Override
    public <T> void append(PlatformEvent event, AppendSink<T> sink, T append) {
        Objects.requireNonNull(event, "event");
        EncodedEvent encoded;
        PlatformEvent stored;
        try {
            encoded = EventCodec.encode(event);
            encoded.epochNanos();
            stored = RecentEvents.asStored(event, encoded);
        } catch (RuntimeException e) {
            refuse(sink, append, e);
            return;
        }
        closing.readLock().lock();
        try {
            if (closed || !writerThread.isAlive()) {
                refuse(sink, append, new IllegalStateException("the event log is closed"));
                return;
            }
            writer.enqueue(GroupCommitWriter.Pending.of(encoded, stored, sink, append));
        } finally {
            closing.readLock().unlock();
        }
    }

    private static <T> void refuse(AppendSink<T> sink, T append, Throwable cause) {
        sink.failed(append, cause);
        sink.batchEnd();
    }

    @Override
    public List<LoggedEvent> read(long afterSequence, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        long upTo = durable.get();
        if (afterSequence >= upTo) {
            return List.of();
        }
        Optional<List<LoggedEvent>> inMemory = recent.read(afterSequence, upTo, max);
        if (inMemory.isPresent()) {
            readsFromMemory.increment();
            return inMemory.get();
        }
        readsFromStorage.increment();
        try {
            return storage.read(afterSequence, upTo, max);
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot read the event log", e);
        }
    }

    /** Always from storage: the tail is ordered by sequence, not by device. */
    @Override
    public List<LoggedEvent> readDevice(DeviceId device, long beforeSequence, int max) {
        Objects.requireNonNull(device, "device");
        if (max < 1 || max > MAX_DEVICE_READ) {
            throw new IllegalArgumentException("max must be between 1 and " + MAX_DEVICE_READ);
        }
        long upTo = durable.get();
        if (beforeSequence <= 1 || upTo == 0) {
            return List.of();
        }
        try {
            return storage.readDevice(device.value(), beforeSequence, upTo, max);
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot read the event log", e);
        }
    }

    /** Reads answered from the in-memory tail, and from storage, since the log was opened. */
    public TailReads tailReads() {
        return new TailReads(readsFromMemory.sum(), readsFromStorage.sum());
    }

    /** How many {@link #read}s (that found events to return) the tail answered, and how many storage did. */
    public record TailReads(long fromMemory, long fromStorage) {
        public TailReads {
            if (fromMemory < 0 || fromStorage < 0) {
                throw new IllegalArgumentException("read counts cannot be negative");
            }
        }
    }

    /**
     * Why the log cannot store events now (the cause of the last failed batch, e.g. a full disk, or of
     * the storage's failing background work), for {@code /healthz}; empty while batches commit.
     */
    public Optional<String> writeProblem() {
        return writer.problem().or(storage::problem);
    }

    @Override
    public long lastSequence() {
        return durable.get();
    }

    /** Reports every batch the writer commits (size, queueing and commit time), e.g. to metrics. */
    public void observeBatches(BatchObserver observer) {
        writer.observe(Objects.requireNonNull(observer, "observer"));
    }

    @Override
    public void onAppended(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Removes the events of whole UTC days before {@code cutoff}'s day. A consumer whose cursor is
     * still in those days loses them: retention is meant to be far longer than any consumer lag.
     */
    @Override
    public int deleteOlderThan(Instant cutoff) {
        LocalDate firstKept = LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
        Instant firstKeptInstant = firstKept.atStartOfDay(ZoneOffset.UTC).toInstant();
        recent.dropTimedBefore(firstKeptInstant);
        try {
            return storage.deleteBefore(firstKept, durable.get());
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "event log retention failed", e);
        } finally {
            recent.dropTimedBefore(firstKeptInstant);
        }
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("an event log listener failed", e);
            }
        }
    }

    /** Stops accepting appends, writes and acknowledges everything queued, then releases the storage. */
    @Override
    public void close() {
        closing.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            closing.writeLock().unlock();
        }
        writer.finish();
        joinUninterruptibly(writerThread);
        storage.close();
        LOG.info("closed event log {} at sequence {}", storage.describe(), durable.get());
    }

    static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
