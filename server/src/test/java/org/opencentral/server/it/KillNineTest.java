package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.server.config.HttpConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.runtime.OpenCentralServer;
import org.opencentral.server.testkit.RestClient;
import org.opencentral.server.testkit.ServerProcess;
import org.opencentral.server.testkit.TestDevice;
import org.opencentral.server.testkit.TestPlatform;
import org.opencentral.store.eventlog.DuckDbEventLog;

/**
 * The durability promise: a server killed with {@code kill -9} in the middle of QoS 1 ingest has
 * every message it acknowledged (PUBACK) in its event log when it comes back.
 */
class KillNineTest {
    private static final int ACKED_BEFORE_KILL = 3_000;
    private static final int IN_FLIGHT = 50;

    @TempDir
    Path dataDir;

    @Test
    void noAcknowledgedMessageIsLost() throws Exception {
        Set<Integer> ackedAtKill;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            try {
                ackedAtKill = ingestUntilKilled(server);
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + server.output()));
                throw e;
            }
        }

        restartAndStop();
        assertThat(ackedAtKill).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);
        assertThat(storedNumbers()).containsAll(ackedAtKill);
    }

    /** Sends numbered QoS 1 messages until enough are acknowledged, then kills the server mid-stream. */
    private static Set<Integer> ingestUntilKilled(ServerProcess server) throws InterruptedException {
        RestClient rest = server.awaitReady();
        rest.put("/devices/durable", Map.of()).ok();
        String key = rest.get("/devices/durable/credentials").ok().at("/symmetricKey/primaryKey").asText();
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        try (TestDevice device = TestDevice.plain(server.mqttPort(), "durable", key)) {
            device.connect();
            Semaphore window = new Semaphore(IN_FLIGHT);
            for (int n = 0; acked.size() < ACKED_BEFORE_KILL; n++) {
                window.acquire();
                int number = n;
                device.sendTelemetry("{\"n\": " + number + "}").whenComplete((ok, error) -> {
                    if (error == null) {
                        acked.add(number);
                    }
                    window.release();
                });
            }
            server.process().destroyForcibly().waitFor();
        }
        return new HashSet<>(acked);
    }

    /** The server starts again on the data directory it was killed on, then stops cleanly. */
    private void restartAndStop() {
        ServerConfig config = ServerConfig.defaults(TestPlatform.HOST).withDataDir(dataDir)
                .withHttp(new HttpConfig(TestPlatform.HOST, 0))
                .withMqtt(new MqttConfig(TestPlatform.HOST, 0, OptionalInt.empty(), OptionalInt.empty()));
        try (OpenCentralServer restarted = OpenCentralServer.start(config, Clock.systemUTC())) {
            assertThat(restarted.initialCredentials()).isEmpty();
        }
    }

    private Set<Integer> storedNumbers() {
        Set<Integer> numbers = new HashSet<>();
        try (DuckDbEventLog log = DuckDbEventLog.open(dataDir.resolve("events.duckdb"))) {
            long after = 0;
            for (List<LoggedEvent> batch = log.read(after, 5_000); !batch.isEmpty(); batch = log.read(after, 5_000)) {
                for (LoggedEvent logged : batch) {
                    if (logged.event() instanceof TelemetryReceived telemetry) {
                        JsonNode body = Json.parse(telemetry.body());
                        numbers.add(body.path("n").asInt());
                    }
                }
                after = batch.getLast().sequence();
            }
        }
        return numbers;
    }
}
