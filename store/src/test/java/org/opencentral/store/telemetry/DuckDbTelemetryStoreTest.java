package org.opencentral.store.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.telemetry.TelemetryStore;
import org.opencentral.store.internal.DuckDbFiles;

class DuckDbTelemetryStoreTest extends TelemetryStoreContract {
    @TempDir
    Path directory;

    @Override
    protected TelemetryStore openStore() {
        return DuckDbTelemetryStore.open(directory.resolve("data/telemetry.duckdb"));
    }

    /** The raw table created before the store opens (it keeps a table that exists), with the CHECK. */
    @Override
    protected TelemetryStore openStoreRefusingText(String refused) {
        try (DuckDBConnection connection = DuckDbFiles.connect(directory.resolve("data/telemetry.duckdb"));
                PreparedStatement create = connection.prepareStatement("CREATE TABLE telemetry_raw ("
                        + "series_id INTEGER NOT NULL, ts_us BIGINT NOT NULL, num DOUBLE, flag BOOLEAN, "
                        + "txt VARCHAR CHECK (txt IS DISTINCT FROM '" + refused.replace("'", "''") + "'), "
                        + "batch BIGINT NOT NULL DEFAULT 0)")) {
            create.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return openStore();
    }

    @Test
    void theDatabaseRunsOnTheCallersThreadAloneSoThatAnAppendDoesNotWaitForAWorker() throws Exception {
        try (DuckDBConnection connection = DuckDbFiles.connect(directory.resolve("t.duckdb"))) {
            DuckDbFiles.setThreads(connection, DuckDbTelemetryStore.THREADS);
            try (Statement statement = connection.duplicate().createStatement();
                    ResultSet row = statement.executeQuery("SELECT current_setting('threads')")) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void aThreadCountOutsideOneTo64IsRefusedBeforeAnythingIsOpened() {
        Path file = directory.resolve("refused/telemetry.duckdb");
        assertThatThrownBy(() -> DuckDbTelemetryStore.openWithBackup(file, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> DuckDbTelemetryStore.openWithBackup(file, 65))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 65");
        assertThat(file.getParent()).doesNotExist();
    }
}
