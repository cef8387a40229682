package org.opencentral.store.eventlog;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DuckDbEventLogTest extends EventLogContract {
    @TempDir
    Path directory;

    @Override
    protected GroupCommitLog openLog(TailLimits tail) {
        return DuckDbEventLog.open(directory.resolve("log/events.duckdb"), DuckDbLogSettings.DEFAULTS, tail);
    }
}
