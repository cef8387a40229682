package org.opencentral.store.eventlog;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints the event log's DuckDB files from its own thread and connection, so that the writer's
 * commits (and the acknowledgements waiting for them) never wait for a checkpoint. A DuckDB
 * checkpoint holds its file's checkpoint lock, which every write transaction on that file needs:
 * checkpointing the file the writer appends to would stall it just the same. So the writer
 * appends to the {@linkplain LogFiles#active() active} file, and every {@link #TICK} this thread
 * checkpoints the {@linkplain LogFiles#resting() resting} one if its WAL holds anything, and swaps
 * the two once the active WAL reaches {@link DuckDbLogSettings#checkpointWalBytes()} (and the
 * resting one is clean). When appends stop for {@link DuckDbLogSettings#idleCheckpointAfter()} it
 * also checkpoints the active file, if that is worth it. A checkpoint is atomic and a commit is
 * durable in its WAL, so a crash at any point loses nothing that was committed.
 */
final class DuckDbCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DuckDbCheckpointer.class);
    static final Duration TICK = Duration.ofMillis(100);
    private static final int PERSISTENT_FAILURES = 100;

    /** What one {@link #runOnce()} did. */
    enum Step { CHECKPOINTED_RESTING, SWAPPED, CHECKPOINTED_IDLE, WAITED, FAILED }

    private final Connection connection;
    private final LogFiles files;
    private final DuckDbLogSettings settings;
    private final long idleRuns;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private Thread thread;
    private long lastActiveBytes;
    private long runsWithoutGrowth;
    private int failures;

    /** {@code connection} is the checkpointer's own and is closed with it; {@code files} must alternate. */
    DuckDbCheckpointer(Connection connection, LogFiles files, DuckDbLogSettings settings) {
        if (!files.alternates()) {
            throw new IllegalArgumentException("background checkpoints need two files to alternate between");
        }
        this.connection = connection;
        this.files = files;
        this.settings = settings;
        this.idleRuns = Math.max(1, settings.idleCheckpointAfter().toMillis() / TICK.toMillis());
    }

    /** Starts the background thread that calls {@link #runOnce()} every {@link #TICK} until closed. */
    synchronized DuckDbCheckpointer start() {
        if (thread != null) {
            throw new IllegalStateException("the checkpointer is already running");
        }
        thread = Thread.ofPlatform().name("event-log-checkpointer").daemon(true).start(this::loop);
        return this;
    }

    private void loop() {
        try {
            while (!stopping.await(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
                runOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One step: checkpoints the resting file, swaps the files, checkpoints an idle active file, or waits. */
    synchronized Step runOnce() {
        long activeBytes = walBytes(files.active());
        runsWithoutGrowth = activeBytes > lastActiveBytes ? 0 : runsWithoutGrowth + 1;
        lastActiveBytes = activeBytes;
        LogFiles.File resting = files.resting();
        if (walBytes(resting) > 0) {
            // fails while the writer still commits a batch it began before the swap: retried next tick
            return checkpoint(resting, Step.CHECKPOINTED_RESTING);
        }
        if (activeBytes >= settings.checkpointWalBytes()) {
            files.swap();
            lastActiveBytes = walBytes(files.active());
            runsWithoutGrowth = 0;
            return Step.SWAPPED;
        }
        if (runsWithoutGrowth >= idleRuns && activeBytes >= settings.idleMinimumBytes()) {
            return checkpoint(files.active(), Step.CHECKPOINTED_IDLE);
        }
        return Step.WAITED;
    }

    private Step checkpoint(LogFiles.File file, Step done) {
        long start = System.nanoTime();
        long walBytes = walBytes(file);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT " + LogFiles.quote(file.catalog()));
        } catch (SQLException e) {
            failures++;
            if (failures == PERSISTENT_FAILURES) {
                LOG.warn("checkpointing {} failed {} times in a row, still retrying: {}", file.catalog(), failures,
                        e.getMessage());
            } else {
                LOG.debug("checkpointing {} failed, will retry: {}", file.catalog(), e.getMessage());
            }
            return Step.FAILED;
        }
        failures = 0;
        if (file.equals(files.active())) {
            lastActiveBytes = walBytes(file);
            runsWithoutGrowth = 0;
        }
        LOG.debug("event log checkpoint ({}) of {} KiB of WAL in {} took {} ms", done, walBytes >> 10,
                file.catalog(), (System.nanoTime() - start) / 1_000_000);
        return done;
    }

    /** The size of {@code file}'s WAL; 0 if it cannot be read (DuckDB's inline threshold still applies). */
    private long walBytes(LogFiles.File file) {
        try {
            return file.walBytes();
        } catch (IOException e) {
            LOG.warn("cannot read the size of {}: {}", file.wal(), e.toString());
            return 0;
        }
    }

    /** Stops the thread (waiting for a checkpoint in progress) and closes the connection. */
    @Override
    public void close() {
        stopping.countDown();
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            GroupCommitLog.joinUninterruptibly(running);
        }
        DuckDbLogStorage.closeQuietly(connection);
    }
}
