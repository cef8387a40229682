package org.opencentral.store.eventlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.store.internal.DuckDbFiles;

class DuckDbEventLogTest extends EventLogContract {
    @TempDir
    Path directory;

    @Override
    protected GroupCommitLog openLog(TailLimits tail) {
        return DuckDbEventLog.open(directory.resolve("log/events.duckdb"), DuckDbLogSettings.DEFAULTS, tail);
    }

    @Test
    void theLogsDatabaseRunsOnOneThreadForEveryConnectionOfIt() throws SQLException {
        try (DuckDBConnection writer = DuckDbFiles.connect(directory.resolve("settings/events.duckdb"))) {
            assertThat(setting(writer, "threads")).isNotEqualTo("1");   // DuckDB's default: one per core
            DuckDbEventLog.configure(writer, DuckDbLogSettings.DEFAULTS);
            try (DuckDBConnection reader = (DuckDBConnection) writer.duplicate()) {
                assertThat(setting(writer, "threads")).isEqualTo("1");
                assertThat(setting(reader, "threads")).isEqualTo("1");
            }
        }
    }

    private static String setting(DuckDBConnection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('" + name + "')::VARCHAR")) {
            row.next();
            return row.getString(1);
        }
    }
}
