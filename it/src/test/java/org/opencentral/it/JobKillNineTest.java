package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;

/**
 * A command job against real MQTT devices, with the server killed ({@code kill -9}) in its middle:
 * started again on the same data directory, the job continues where it stopped and completes with
 * every device completed, and no device whose outcome was recorded before the kill runs the command
 * again. The fleet's size is a setting so that the same story runs as the 10,000-device benchmark
 * of BENCHMARKS.md ({@code -Djobkill.devices=10000 -Djobkill.batch=500
 * -Djunit.jupiter.execution.timeout.mode=disabled}); the build runs 40.
 */
@Timeout(300)
class JobKillNineTest {
    private static final String TEMPLATE = "dtmi:contoso:Fan;1";
    private static final int DEVICES = Integer.getInteger("jobkill.devices", 40);
    private static final int BATCH = Integer.getInteger("jobkill.batch", 4);
    private static final int COMPLETED_BEFORE_KILL = DEVICES * 3 / 10;
    private static final Duration PATIENCE = Duration.ofMinutes(2 + DEVICES / 1000);

    @TempDir
    Path dataDir;
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    final Map<String, String> keys = new HashMap<>();

    @Test
    void aCommandJobCompletesWithExactStatusesAcrossAKillNine() throws Exception {
        long started = System.nanoTime();
        Set<String> recordedAtKill;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            RestClient rest = server.awaitReady();
            fleet(rest);
            List<TestDevice> devices = connectAll(server.mqttPort());
            rest.put("/jobs/reboot-all", Json.parse("{\"displayName\":\"Reboot all\",\"group\":\"fans\","
                    + "\"batch\":{\"type\":\"number\",\"value\":" + BATCH + "},\"data\":[{\"type\":\"command\","
                    + "\"target\":\"" + TEMPLATE + "\",\"path\":\"reboot\",\"value\":{},\"connectionTimeout\":120}]}"))
                    .ok();
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> rest.get("/jobs/reboot-all").ok().at("/progress/completed").asInt()
                            >= COMPLETED_BEFORE_KILL);
            server.process().destroyForcibly().waitFor();
            devices.forEach(TestDevice::close);
            recordedAtKill = recordedOutcomes();
        }
        assertThat(recordedAtKill).hasSizeGreaterThanOrEqualTo(COMPLETED_BEFORE_KILL).hasSizeLessThan(DEVICES);

        try (ServerProcess server = ServerProcess.start(dataDir)) {
            RestClient rest = server.awaitReady();
            List<TestDevice> devices = connectAll(server.mqttPort());
            await().atMost(PATIENCE)
                    .until(() -> rest.get("/jobs/reboot-all").ok().path("status").asText().equals("complete"));
            JsonNode job = rest.get("/jobs/reboot-all").ok();
            assertThat(job.path("progress")).isEqualTo(Json.parse("{\"total\":" + DEVICES
                    + ",\"pending\":0,\"completed\":" + DEVICES + ",\"failed\":0}"));
            List<JsonNode> outcomes = outcomes(rest);
            assertThat(outcomes).hasSize(DEVICES);
            outcomes.forEach(d -> assertThat(d.path("status").asText()).as(d.toString()).isEqualTo("completed"));
            devices.forEach(TestDevice::close);
            System.out.printf("job kill -9: %d devices, batch %d, %d outcomes recorded at the kill, %.1f s in all%n",
                    DEVICES, BATCH, recordedAtKill.size(), (System.nanoTime() - started) / 1e9);
        }
        for (String device : recordedAtKill) {
            assertThat(calls.get(device).get()).as("calls of " + device).isEqualTo(1);
        }
        assertThat(calls).hasSize(DEVICES);
        int repeated = calls.values().stream().mapToInt(c -> c.get() - 1).sum();
        assertThat(repeated).as("commands run again: only the batch in flight at the kill").isLessThanOrEqualTo(BATCH);
    }

    /** The template, the devices and the group of all of them. */
    private void fleet(RestClient rest) {
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8), Json.parse(
                "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Fan\",\"capabilityModel\":"
                + "{\"@id\":\"dtmi:contoso:cm:Fan;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Command\",\"name\":\"reboot\"}]}}")).ok();
        for (int i = 0; i < DEVICES; i++) {
            String id = String.format("fan-%05d", i);
            rest.put("/devices/" + id, Map.of("displayName", id, "template", TEMPLATE)).ok();
            keys.put(id, rest.get("/devices/" + id + "/credentials").ok().at("/symmetricKey/primaryKey").asText());
        }
        rest.put("/deviceGroups/fans", Map.of("displayName", "Fans",
                "filter", "SELECT * FROM devices WHERE $template = \"" + TEMPLATE + "\"")).ok();
    }

    /** Every device's outcome, following the pages' {@code nextLink}. */
    private static List<JsonNode> outcomes(RestClient rest) {
        List<JsonNode> outcomes = new ArrayList<>();
        JsonNode page = rest.get("/jobs/reboot-all/devices").ok();
        while (true) {
            page.path("value").forEach(outcomes::add);
            if (!page.hasNonNull("nextLink")) {
                return outcomes;
            }
            page = rest.get(pathOf(URI.create(page.path("nextLink").asText()))).ok();
        }
    }

    /** A next link as the client's path: below {@code /api}, without the api-version it adds itself. */
    private static String pathOf(URI next) {
        String query = Arrays.stream(next.getRawQuery().split("&")).filter(p -> !p.startsWith("api-version="))
                .collect(Collectors.joining("&"));
        return next.getRawPath().substring("/api".length()) + (query.isEmpty() ? "" : "?" + query);
    }

    /** Connects every device; each answers a command after 100 ms and counts the calls it gets. */
    private List<TestDevice> connectAll(int port) {
        List<TestDevice> devices = new ArrayList<>();
        keys.forEach((id, key) -> {
            TestDevice device = TestDevice.plain(port, id, key);
            device.connect();
            device.answerMethods(Duration.ofMillis(100),
                    method -> calls.computeIfAbsent(id, d -> new AtomicInteger()).incrementAndGet());
            devices.add(device);
        });
        return devices;
    }

    private Set<String> recordedOutcomes() throws SQLException {
        Set<String> ids = new HashSet<>();
        try (Connection state = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("state.db"));
                ResultSet rows = state.createStatement().executeQuery(
                        "SELECT device_id FROM job_devices WHERE status <> 'pending'")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
