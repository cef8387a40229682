package org.opencentral.store.eventlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.duckdb.DuckDBConnection;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.event.EventLog;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent;
import org.opencentral.store.internal.FixedConnectionPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded event log: one DuckDB file, appended by a {@link GroupCommitWriter} thread and
 * read through a few duplicated connections. {@link #append} encodes on the caller's thread and
 * enqueues (the queue is unbounded: back-pressure belongs to the ingest side). Reads never go past
 * the last committed sequence, so a reader never sees an event whose append is not yet acknowledged.
 */
public final class DuckDbEventLog implements EventLog {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbEventLog.class);
    /** Events written per transaction at most. */
    public static final int MAX_BATCH = 5_000;
    private static final int READERS = 3;

    private final Path file;
    private final DuckDBConnection writerConnection;
    private final FixedConnectionPool readers;
    private final AtomicLong durable;
    private final GroupCommitWriter writer;
    private final Thread writerThread;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ReadWriteLock closing = new ReentrantReadWriteLock();
    private boolean closed;

    private DuckDbEventLog(Path file, DuckDBConnection writerConnection, FixedConnectionPool readers, long last) {
        this.file = file;
        this.writerConnection = writerConnection;
        this.readers = readers;
        this.durable = new AtomicLong(last);
        this.writer = new GroupCommitWriter(writerConnection, durable, this::notifyListeners, MAX_BATCH);
        this.writerThread = Thread.ofPlatform().name("event-log-writer").daemon(true).start(writer);
    }

    /** Opens (creating it and its parent directories if needed) the log file; sequences continue. */
    public static DuckDbEventLog open(Path file) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + absolute, e);
        }
        List<Connection> opened = new ArrayList<>();
        try {
            DuckDBConnection connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + absolute);
            opened.add(connection);
            EventTable.create(connection);
            long last = EventTable.maxSequence(connection);
            List<Connection> readerConnections = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                readerConnections.add(connection.duplicate());
            }
            opened.addAll(readerConnections);
            LOG.info("opened event log {} at sequence {}", absolute, last);
            return new DuckDbEventLog(absolute, connection, new FixedConnectionPool(readerConnections), last);
        } catch (SQLException e) {
            opened.reversed().forEach(DuckDbEventLog::closeQuietly);
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot open the event log " + absolute, e);
        }
    }

    @Override
    public CompletableFuture<Long> append(PlatformEvent event) {
        Objects.requireNonNull(event, "event");
        EncodedEvent encoded;
        try {
            encoded = EventCodec.encode(event);
            encoded.epochNanos();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Long> future = new CompletableFuture<>();
        closing.readLock().lock();
        try {
            if (closed || !writerThread.isAlive()) {
                return CompletableFuture.failedFuture(new IllegalStateException("the event log is closed"));
            }
            writer.enqueue(new GroupCommitWriter.Pending(encoded, future));
        } finally {
            closing.readLock().unlock();
        }
        return future;
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
        try {
            return readers.with(c -> EventTable.read(c, afterSequence, upTo, max));
        } catch (SQLException e) {
            throw new DomainException(ErrorCode.UNAVAILABLE, "cannot read the event log", e);
        }
    }

    @Override
    public long lastSequence() {
        return durable.get();
    }

    @Override
    public void onAppended(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
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

    /** Stops accepting appends, writes and acknowledges everything queued, then closes the file. */
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
        readers.close();
        closeQuietly(writerConnection);
        LOG.info("closed event log {} at sequence {}", file, durable.get());
    }

    private static void joinUninterruptibly(Thread thread) {
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

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("closing a DuckDB connection failed: {}", e.getMessage());
        }
    }
}
