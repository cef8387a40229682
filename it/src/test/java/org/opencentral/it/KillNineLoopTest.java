package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;

/**
 * {@code kill -9} in a loop under mixed load: QoS 1 telemetry, reported-property patches from a
 * device that also answers commands, commands invoked over REST and devices created over REST. After
 * each restart the three stores agree with what was acknowledged before the kill: every acknowledged
 * telemetry message is in the event log and, once the indexer caught up, in the telemetry store (once
 * each); the twin holds the last acknowledged patch (or the one in flight at the kill); every device
 * whose creation answered 2xx exists, and the log has one {@code CREATED} event for each. The runs are
 * {@code -Dkillnine.runs} (2 in the build, 10 in RELIABILITY.md).
 */
@Timeout(1200) // ten runs of the setting take minutes
class KillNineLoopTest {
    private static final int RUNS = Integer.getInteger("killnine.runs", 2);
    private static final int ACKED_PER_RUN = Integer.getInteger("killnine.ackedPerRun", 300);
    private static final int WRITES_PER_RUN = 20;
    private static final String TEMPLATE = "dtmi:opencentral:faults:Probe;1";

    @TempDir
    Path dataDir;

    /** What the server acknowledged over all runs. */
    private final Set<Integer> ackedTelemetry = ConcurrentHashMap.newKeySet();
    private final Set<String> createdDevices = ConcurrentHashMap.newKeySet();
    private final AtomicLong ackedLevel = new AtomicLong(-1);
    private final AtomicLong sentLevel = new AtomicLong(-1);
    private final AtomicInteger commandsAnswered = new AtomicInteger();

    @Test
    void afterEveryKillTheStoresAgreeWithWhatWasAcknowledged() throws Exception {
        for (int run = 0; run <= RUNS; run++) {
            try (ServerProcess server = ServerProcess.start(dataDir)) {
                try {
                    RestClient rest = server.awaitReady();
                    if (run == 0) {
                        fleet(rest);
                    } else {
                        assertAgreement(rest);
                    }
                    if (run == RUNS) {
                        server.process().destroy(); // the last start only checks, then stops cleanly
                        server.process().waitFor();
                    } else {
                        loadUntilKilled(server, rest, run);
                    }
                } catch (AssertionError | RuntimeException e) {
                    e.addSuppressed(new AssertionError("run " + run + ", server output:\n" + server.output()));
                    throw e;
                }
            }
        }
        assertThat(KillNineTest.storedNumbers(dataDir)).containsAll(ackedTelemetry);
        List<String> created = KillNineTest.createdInTheLog(dataDir);
        assertThat(created).doesNotHaveDuplicates().containsAll(createdDevices);
        assertThat(commandsAnswered.get()).as("commands answered over all runs").isPositive();
        System.out.printf("KillNineLoopTest: %d kills; acknowledged before them: %d telemetry messages, %d reported "
                + "patches, %d devices created, %d commands answered; all found after each restart%n", RUNS,
                ackedTelemetry.size(), ackedLevel.get() + 1, createdDevices.size(), commandsAnswered.get());
    }

    private static void fleet(RestClient rest) {
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8), Json.parse(
                "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Probe\",\"capabilityModel\":"
                + "{\"@id\":\"dtmi:opencentral:faults:cm;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Property\",\"name\":\"level\",\"schema\":\"long\"},"
                + "{\"@type\":\"Command\",\"name\":\"ping\"},"
                + "{\"@type\":\"Telemetry\",\"name\":\"n\",\"schema\":\"integer\"}]}}")).ok();
        rest.put("/devices/sender", Map.of("displayName", "Sender", "template", TEMPLATE)).ok();
        rest.put("/devices/reporter", Map.of("displayName", "Reporter", "template", TEMPLATE)).ok();
    }

    /** The restarted server's stores against what was acknowledged before the kills. */
    private void assertAgreement(RestClient rest) {
        JsonNode properties = rest.get("/devices/reporter/properties").ok();
        assertThat(properties.path("level").asLong()).as("the twin's level: " + properties)
                .isBetween(ackedLevel.get(), sentLevel.get());
        for (String id : createdDevices) {
            assertThat(rest.get("/devices/" + id).status()).as("device " + id + " created with a 2xx").isEqualTo(200);
        }
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<Integer> indexed = indexedNumbers(rest);
            assertThat(indexed).as("telemetry store").doesNotHaveDuplicates();
            assertThat(new HashSet<>(indexed)).containsAll(ackedTelemetry);
        });
    }

    private static List<Integer> indexedNumbers(RestClient rest) {
        JsonNode rows = rest.post("/query?api-version=2022-10-31-preview", Map.of("query",
                "SELECT TOP 100000 n FROM " + TEMPLATE + " WHERE WITHIN_WINDOW(P1D)")).ok().path("results");
        List<Integer> numbers = new ArrayList<>();
        rows.forEach(row -> numbers.add(row.path("n").asInt()));
        return numbers;
    }

    /** Runs the four kinds of load until each has had its share acknowledged, then kills the server. */
    private void loadUntilKilled(ServerProcess server, RestClient rest, int run) throws InterruptedException {
        String senderKey = rest.get("/devices/sender/credentials").ok().at("/symmetricKey/primaryKey").asText();
        String reporterKey = rest.get("/devices/reporter/credentials").ok().at("/symmetricKey/primaryKey").asText();
        AtomicBoolean alive = new AtomicBoolean(true);
        AtomicInteger patches = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        try (TestDevice reporter = TestDevice.plain(server.mqttPort(), "reporter", reporterKey);
                AckedTelemetry telemetry = AckedTelemetry.start(TestDevice.plain(server.mqttPort(), "sender",
                        senderKey), 60, 50, run * 1_000_000)) {
            reporter.connect();
            reporter.subscribeToTwin();
            reporter.answerMethods(Duration.ZERO, name -> { });
            List<Thread> workers = List.of(
                    Thread.ofVirtual().start(() -> untilGone(alive, failures, () -> {
                        long level = sentLevel.incrementAndGet();
                        reporter.reportProperties("{\"level\": " + level + "}");
                        ackedLevel.set(level);
                        patches.incrementAndGet();
                    })),
                    Thread.ofVirtual().start(() -> untilGone(alive, failures, () -> {
                        String id = "rest-" + run + "-" + writes.get();
                        rest.put("/devices/" + id, Map.of("displayName", id)).ok();
                        createdDevices.add(id);
                        writes.incrementAndGet();
                    })),
                    Thread.ofVirtual().start(() -> untilGone(alive, failures, () -> {
                        RestClient.Response answer = rest.post("/devices/reporter/commands/ping", Map.of());
                        assertThat(answer.status()).isEqualTo(201);
                        assertThat(answer.body().path("responseCode").asInt()).isEqualTo(200);
                        commandsAnswered.incrementAndGet();
                    })));
            await().atMost(Duration.ofMinutes(2)).until(() -> telemetry.ackedCount() >= ACKED_PER_RUN
                    && patches.get() >= WRITES_PER_RUN && writes.get() >= WRITES_PER_RUN);
            alive.set(false);
            server.process().destroyForcibly().waitFor();
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(failures).as("failures while the server was up").isEmpty();
            ackedTelemetry.addAll(telemetry.stop());
        }
    }

    /**
     * Repeats {@code step} until the kill is announced; a failure before that is the test's failure,
     * one after it (the step that was running when the process died) is not.
     */
    private static void untilGone(AtomicBoolean alive, List<Throwable> failures, Runnable step) {
        try {
            while (alive.get()) {
                step.run();
            }
        } catch (RuntimeException | AssertionError e) {
            if (alive.get()) {
                failures.add(e);
            }
        }
    }
}
