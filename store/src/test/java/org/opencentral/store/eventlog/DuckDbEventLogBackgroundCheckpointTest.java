package org.opencentral.store.eventlog;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The whole contract again, with the background checkpointer folding in every 64 KiB of WAL meanwhile. */
class DuckDbEventLogBackgroundCheckpointTest extends EventLogContract {
    static final DuckDbLogSettings CONSTANT_CHECKPOINTS = new DuckDbLogSettings(true, 64L << 10, Duration.ofMillis(100));

    @TempDir
    Path directory;

    @Override
    protected GroupCommitLog openLog(TailLimits tail) {
        return DuckDbEventLog.open(directory.resolve("log/events.duckdb"), CONSTANT_CHECKPOINTS, tail);
    }
}
