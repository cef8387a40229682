package org.opencentral.platform.command;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CommandHistoryStore;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.core.store.Page;
import org.opencentral.platform.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of command invocations, written behind the caller's back so that recording adds no
 * state-store write to a command's round trip: {@link #record} queues (it blocks only while
 * {@value #QUEUE} records wait, which pushes back on callers when the store cannot keep up) and one
 * background thread writes what is queued, many records per transaction (lingering {@link #LINGER}
 * after a partial batch). {@link #list} first waits
 * until everything queued before it is written, so a caller always sees its own finished calls. A
 * crash can lose the records of the last moments before it; the audit log, written before the API
 * answers, still holds every call.
 */
public final class CommandHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHistory.class);
    public static final int MAX_PAGE = CommandHistoryStore.KEEP;
    static final int QUEUE = 10_000;
    private static final int BATCH = 500;
    private static final long FLUSH_WAIT_SECONDS = 10;
    /**
     * After writing less than a full batch the writer lets records gather this long: under a steady
     * stream of commands it commits a few times a second instead of once per call, so it takes the
     * state store's write lock (which a command's audit entry needs) and a core that much less often.
     * A reader's flush waits for it at most this long.
     */
    static final Duration LINGER = Duration.ofMillis(20);

    /** What waits for the writer: a record to store, or a reader waiting for what was queued before it. */
    private sealed interface Pending {
    }

    private record Entry(CommandRecord record) implements Pending {
    }

    private record Flush(CompletableFuture<Void> written) implements Pending {
    }

    private final CommandHistoryStore store;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>(QUEUE);
    private final BackgroundLoop writer = new BackgroundLoop("command-history", this::step);
    private List<Pending> unwritten = new ArrayList<>();

    public CommandHistory(CommandHistoryStore store) {
        this.store = store;
    }

    /** Queues a finished invocation for writing. */
    void record(CommandRecord record) {
        enqueue(new Entry(record));
    }

    /** The device's invocations of {@code command}, newest first, including every call that returned before. */
    public Page<CommandRecord> list(DeviceId device, String command, Optional<Long> before, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.badRequest("page size must be between 1 and " + MAX_PAGE);
        }
        awaitWritten();
        return store.list(device, command, before, limit);
    }

    /**
     * Drops the records of {@code device} that are queued and not yet written: called once the device
     * is deleted, whose cascade took those already written. Without it a record queued just before the
     * deletion would be written after it and, were the ID registered again within the writer's linger,
     * show in the new device's history. (A record written after the deletion to a device that stays
     * deleted is dropped by the store.)
     */
    public synchronized void forget(DeviceId device) {
        queue.removeIf(pending -> pending instanceof Entry(CommandRecord record) && record.device().equals(device));
        unwritten.removeIf(pending -> pending instanceof Entry(CommandRecord record) && record.device().equals(device));
    }

    /** Writes one batch of what is queued (retrying a batch that failed before); returns how many items it handled. */
    public synchronized int runOnce() {
        if (unwritten.isEmpty()) {
            queue.drainTo(unwritten, BATCH);
        }
        List<CommandRecord> records = new ArrayList<>();
        for (Pending pending : unwritten) {
            if (pending instanceof Entry(CommandRecord record)) {
                records.add(record);
            }
        }
        store.append(records);
        for (Pending pending : unwritten) {
            if (pending instanceof Flush(CompletableFuture<Void> written)) {
                written.complete(null);
            }
        }
        int handled = unwritten.size();
        unwritten = new ArrayList<>();
        return handled;
    }

    private BackgroundLoop.Next step() {
        int handled = runOnce();
        if (handled == 0) {
            return BackgroundLoop.Next.IDLE;
        }
        return handled < BATCH ? BackgroundLoop.Next.pause(LINGER) : BackgroundLoop.Next.AGAIN;
    }

    public void start() {
        writer.start();
    }

    private void enqueue(Pending pending) {
        try {
            queue.put(pending);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing for the command history", e);
        }
        writer.wake();
    }

    private void awaitWritten() {
        Flush flush = new Flush(new CompletableFuture<>());
        enqueue(flush);
        try {
            flush.written().get(FLUSH_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("the command history writer is more than {} s behind; answering with what is stored",
                    FLUSH_WAIT_SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a command history flush cannot fail", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the command history", e);
        }
    }

    /** Stops the writer after writing what is queued. */
    @Override
    public void close() {
        writer.closeAndDrain(this::runOnce, "could not write the last command history records");
    }
}
