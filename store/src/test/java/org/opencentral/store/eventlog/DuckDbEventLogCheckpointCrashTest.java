package org.opencentral.store.eventlog;

import java.util.List;

/** {@code kill -9} while the background checkpointer folds in every 64 KiB of WAL, i.e. mid-checkpoint too. */
class DuckDbEventLogCheckpointCrashTest extends EventLogCrashContract {
    @Override
    protected List<String> appenderArguments() {
        return List.of("duckdb", directory.resolve("events.duckdb").toString(), Long.toString(64L << 10));
    }

    @Override
    protected GroupCommitLog reopen() {
        return DuckDbEventLog.open(directory.resolve("events.duckdb"));
    }
}
