package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.store.jdbc.Migrator;
import org.opencentral.testkit.ServerProcess;

/**
 * A data directory written by a newer OpenCentral (its state store records a schema version this
 * binary does not know) is refused at start with a message saying so, and left as it was.
 */
class NewerDataDirectoryTest {
    @TempDir
    Path dataDir;

    @Test
    void theServerRefusesToStartOnANewerDataDirectory() throws Exception {
        try (ServerProcess first = ServerProcess.start(dataDir)) {
            first.awaitReady().put("/devices/kept", Map.of()).ok();
        }
        int newer = Migrator.latestVersion() + 1;
        sql("INSERT INTO schema_version (version, description, applied_at) VALUES (" + newer + ", 'future', 0)");

        try (ServerProcess second = ServerProcess.start(dataDir)) {
            assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).as("the server exits").isTrue();
            assertThat(second.process().exitValue()).isEqualTo(1);
            assertThat(second.output()).contains("OpenCentral could not start", "schema version " + newer,
                    "newer than this OpenCentral binary");
        }
        sql("DELETE FROM schema_version WHERE version = " + newer);
        try (ServerProcess third = ServerProcess.start(dataDir)) {
            third.awaitReady().get("/devices/kept").ok();
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection state = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("state.db"));
                Statement sql = state.createStatement()) {
            sql.execute(statement);
        }
    }
}
