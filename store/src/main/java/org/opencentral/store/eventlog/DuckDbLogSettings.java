package org.opencentral.store.eventlog;

import java.time.Duration;
import java.util.Objects;

/**
 * When the embedded event log folds its write-ahead log into its database files (a DuckDB
 * checkpoint: compressing the new rows into row groups, 0.2 s to seconds of work during which no
 * write transaction on that file can proceed).
 *
 * <p>With {@code backgroundCheckpoints} (the default) the log alternates between two files
 * ({@link LogFiles}): the writer appends to one while the {@link DuckDbCheckpointer} thread
 * checkpoints the other, swapping them when the active WAL reaches {@code checkpointWalBytes}; it
 * also checkpoints the active file once appends have stopped for {@code idleCheckpointAfter} and its
 * WAL holds at least an eighth of the limit. Commits (and the acknowledgements waiting for them)
 * then never wait for a checkpoint. DuckDB's own checkpoint inside {@code COMMIT} stays as a
 * backstop at {@link #inlineThresholdBytes()}, should the background thread fall behind. Without
 * it, there is one file and DuckDB checkpoints inside the commit that pushes the WAL past
 * {@code checkpointWalBytes} (its default behaviour, at 16 MiB). Durability is the same either way:
 * a commit is durable in its WAL, and a checkpoint is atomic.
 */
public record DuckDbLogSettings(boolean backgroundCheckpoints, long checkpointWalBytes, Duration idleCheckpointAfter) {
    /** Background checkpoints at 64 MiB of WAL, or after 2 s without appends. */
    public static final DuckDbLogSettings DEFAULTS = new DuckDbLogSettings(true, 64L << 20, Duration.ofSeconds(2));

    private static final long MIN_WAL_BYTES = 64L << 10;
    private static final int BACKSTOP_FACTOR = 8;

    public DuckDbLogSettings {
        Objects.requireNonNull(idleCheckpointAfter, "idleCheckpointAfter");
        if (checkpointWalBytes < MIN_WAL_BYTES || checkpointWalBytes > (1L << 40)) {
            throw new IllegalArgumentException("checkpointWalBytes must be between 64 KiB and 1 TiB, not "
                    + checkpointWalBytes);
        }
        if (idleCheckpointAfter.isNegative() || idleCheckpointAfter.isZero()) {
            throw new IllegalArgumentException("idleCheckpointAfter must be positive, not " + idleCheckpointAfter);
        }
    }

    /** DuckDB's {@code checkpoint_threshold}: where a commit checkpoints inline. */
    long inlineThresholdBytes() {
        return backgroundCheckpoints ? checkpointWalBytes * BACKSTOP_FACTOR : checkpointWalBytes;
    }

    /** The smallest WAL an idle checkpoint bothers with (each checkpoint rewrites the last row group). */
    long idleMinimumBytes() {
        return checkpointWalBytes / BACKSTOP_FACTOR;
    }
}
