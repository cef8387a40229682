package org.opencentral.store.eventlog;

import java.util.List;

class DuckDbEventLogCrashTest extends EventLogCrashContract {
    @Override
    protected List<String> appenderArguments() {
        return List.of("duckdb", directory.resolve("events.duckdb").toString());
    }

    @Override
    protected GroupCommitLog reopen() {
        return DuckDbEventLog.open(directory.resolve("events.duckdb"));
    }
}
