package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.event.LoggedEvent;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.TelemetryReceived;
import org.opencentral.server.config.HttpConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.runtime.OpenCentralServer;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;
import org.opencentral.store.eventlog.DuckDbEventLog;

/**
 * The durability promises: a server killed with {@code kill -9} in the middle of QoS 1 ingest has
 * every message it acknowledged (PUBACK) in its event log when it comes back; killed in the middle of
 * REST changes, it has every change it stored (answered or not) in its state store and its event in
 * the log, exactly once.
 */
class KillNineTest {
    private static final int ACKED_BEFORE_KILL = 3_000;
    private static final int IN_FLIGHT = 50;
    private static final int CREATED_BEFORE_KILL = 300;
    private static final int WRITERS = 4;

    @TempDir
    Path dataDir;

    @Test
    void noAcknowledgedMessageIsLost() throws Exception {
        Set<Integer> ackedAtKill = killedWhile(KillNineTest::ingestUntilKilled);

        restartAndStop();
        assertThat(ackedAtKill).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);
        assertThat(storedNumbers(dataDir)).containsAll(ackedAtKill);
    }

    @Test
    void everyStoredChangeHasItsEventInTheLogExactlyOnce() throws Exception {
        Set<String> answered = killedWhile(KillNineTest::createDevicesUntilKilled);

        restartAndStop();
        Set<String> stored = storedDevices();
        List<String> created = createdInTheLog(dataDir);
        assertThat(answered).hasSizeGreaterThanOrEqualTo(CREATED_BEFORE_KILL);
        assertThat(stored).containsAll(answered);
        assertThat(created).doesNotHaveDuplicates();
        assertThat(new HashSet<>(created)).isEqualTo(stored);
    }

    /** What a server process did until {@code work} killed it; a failure carries the server's output. */
    private <T> T killedWhile(Work<T> work) throws InterruptedException {
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            try {
                return work.until(server);
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + server.output()));
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T until(ServerProcess server) throws InterruptedException;
    }

    /** Creates devices from a few threads until enough are answered, then kills the server mid-stream. */
    private static Set<String> createDevicesUntilKilled(ServerProcess server) throws InterruptedException {
        RestClient rest = server.awaitReady();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        List<Throwable> refused = new CopyOnWriteArrayList<>();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            writers.add(Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        String id = "dev-" + next.incrementAndGet();
                        rest.put("/devices/" + id, Map.of("displayName", id)).ok();
                        answered.add(id);
                    }
                } catch (UncheckedIOException killed) {
                    // the server is gone: this writer stops
                } catch (RuntimeException | AssertionError e) {
                    refused.add(e);
                }
            }));
        }
        await().atMost(Duration.ofMinutes(2))
                .until(() -> answered.size() >= CREATED_BEFORE_KILL || !refused.isEmpty());
        server.process().destroyForcibly().waitFor();
        for (Thread writer : writers) {
            writer.join();
        }
        assertThat(refused).as("answers other than 2xx before the kill").isEmpty();
        return new HashSet<>(answered);
    }

    private Set<String> storedDevices() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection state = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("state.db"));
                ResultSet rows = state.createStatement().executeQuery("SELECT id FROM devices")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** The devices of the {@code CREATED} events in the event log of {@code dataDir} (no server running on it), in log order. */
    static List<String> createdInTheLog(Path dataDir) {
        List<String> created = new ArrayList<>();
        try (DuckDbEventLog log = DuckDbEventLog.open(dataDir.resolve("events.duckdb"))) {
            for (LoggedEvent logged : log.read(0, 100_000)) {
                if (logged.event() instanceof DeviceLifecycle lifecycle
                        && lifecycle.change() == DeviceLifecycle.Change.CREATED) {
                    created.add(lifecycle.deviceId().value());
                }
            }
        }
        return created;
    }

    /** Sends numbered QoS 1 messages until enough are acknowledged, then kills the server mid-stream. */
    static Set<Integer> ingestUntilKilled(ServerProcess server) throws InterruptedException {
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
        ServerConfig config = ServerConfig.defaults(TestPlatform.HOST).toBuilder().dataDir(dataDir)
                .http(new HttpConfig(TestPlatform.HOST, 0))
                .mqtt(new MqttConfig(TestPlatform.HOST, 0, OptionalInt.empty(), OptionalInt.empty())).build();
        try (OpenCentralServer restarted = OpenCentralServer.start(config, Clock.systemUTC())) {
            assertThat(restarted.initialCredentials()).isEmpty();
        }
    }

    /** The numbers ({@code {"n": …}}) of the telemetry in the event log of {@code dataDir} (no server running on it). */
    static Set<Integer> storedNumbers(Path dataDir) {
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
