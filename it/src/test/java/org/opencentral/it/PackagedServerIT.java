package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;

/**
 * The server as {@code ./opencentral start} runs it — the packaged jar and its runtime class path,
 * without test dependencies — accepts a device and its telemetry. Runs after {@code package}
 * (failsafe), so that a dependency missing at run time fails the build.
 */
class PackagedServerIT {
    @TempDir
    Path dataDir;

    @Test
    void thePackagedServerAcceptsDevices() {
        try (ServerProcess server = ServerProcess.startPackaged(dataDir, Path.of("../server/target"))) {
            try {
                RestClient rest = server.awaitReady();
                rest.put("/devices/packaged", Map.of()).ok();
                String key = rest.get("/devices/packaged/credentials").ok().at("/symmetricKey/primaryKey").asText();
                try (TestDevice device = TestDevice.plain(server.mqttPort(), "packaged", key)) {
                    assertThat(device.connect().getReturnCode()).isEqualTo(Mqtt3ConnAckReturnCode.SUCCESS);
                    device.sendTelemetry("{\"packaged\": true}").join();
                }
                await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                        rest.get("/devices/packaged/telemetry/packaged").ok().path("value").asBoolean()).isTrue());
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + server.output()));
                throw e;
            }
        }
    }
}
