package org.opencentral.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
import org.opencentral.server.runtime.InitialCredentialsFile;
import org.opencentral.server.runtime.OpenCentralServer;
import org.opencentral.server.testkit.RestClient;
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
        try {
            killDuringIngestAndCount();
        } catch (AssertionError | RuntimeException e) {
            Path log = dataDir.resolve("server.log");
            if (Files.exists(log)) {
                e.addSuppressed(new AssertionError("server output:\n" + Files.readString(log)));
            }
            throw e;
        }
    }

    private void killDuringIngestAndCount() throws Exception {
        int http = freePort();
        int mqtt = freePort();
        Process server = startServerProcess(http, mqtt);
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        try {
            RestClient rest = new RestClient(URI.create("http://127.0.0.1:" + http), awaitReady(http));
            rest.put("/devices/durable", Map.of()).ok();
            String key = rest.get("/devices/durable/credentials").ok().at("/symmetricKey/primaryKey").asText();
            try (TestDevice device = TestDevice.plain(mqtt, "durable", key)) {
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
                server.destroyForcibly().waitFor();
            }
        } finally {
            server.destroyForcibly();
        }
        Set<Integer> ackedAtKill = new HashSet<>(acked);

        restartAndStop();
        Set<Integer> stored = storedNumbers();
        assertThat(ackedAtKill).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);
        assertThat(stored).containsAll(ackedAtKill);
    }

    private Process startServerProcess(int http, int mqtt) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                "org.opencentral.server.Main", "start",
                "--data-dir", dataDir.toString(), "--public-host", TestPlatform.HOST,
                "--http-port", String.valueOf(http), "--mqtt-port", String.valueOf(mqtt),
                "--mqtts-port", String.valueOf(freePort()), "--https-port", "0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("server.log").toFile());
        // Traffic shaping would only slow this test down: it is about durability, not rates.
        builder.environment().put("OPENCENTRAL_DEVICE_MESSAGE_RATE", "1000000");
        builder.environment().put("OPENCENTRAL_DEVICE_MESSAGE_BURST", "1000000");
        return builder.start();
    }

    private String awaitReady(int http) throws IOException {
        HttpClient client = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + http + "/healthz");
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() ->
                client.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200);
        return readToken();
    }

    private String readToken() throws IOException {
        return Files.readString(dataDir.resolve(InitialCredentialsFile.NAME)).trim();
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
