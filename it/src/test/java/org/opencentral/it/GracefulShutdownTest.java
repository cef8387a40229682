package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;

/** SIGTERM stops the server cleanly: listeners first, then the event log is drained and closed. */
class GracefulShutdownTest {
    @TempDir
    Path dataDir;

    @Test
    void sigtermDrainsAndClosesEverything() throws Exception {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            RestClient rest = server.awaitReady();
            rest.put("/devices/polite", Map.of()).ok();
            String key = rest.get("/devices/polite/credentials").ok().at("/symmetricKey/primaryKey").asText();
            try (TestDevice device = TestDevice.plain(server.mqttPort(), "polite", key)) {
                device.connect();
                device.sendTelemetry("{\"t\": 1}").join();
            }

            server.process().destroy();
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).as("exited within 30 s").isTrue();
            assertThat(server.output()).contains("shutting down", "closed event log", "closed SQLite state store")
                    .doesNotContain("ERROR");
        }
    }
}
