package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.server.cli.OpenCentralCommand;
import org.opencentral.server.config.ConfigLoader;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;
import picocli.CommandLine;

/**
 * {@code opencentral backup} while a server process ingests QoS 1 telemetry, then {@code opencentral
 * restore} into an empty directory and a server started on it: every message acknowledged before the
 * backup began is in the restored event log, and the template, the device and its twin are there.
 */
class BackupRestoreTest {
    private static final String TEMPLATE = "dtmi:opencentral:backup:Thermostat;1";
    private static final int ACKED_BEFORE_BACKUP = 2_000;
    private static final int IN_FLIGHT = 50;

    @TempDir
    Path work;

    @Test
    void aBackupTakenUnderLoadRestoresEverythingAcknowledgedBeforeIt() throws Exception {
        Path dataDir = Files.createDirectory(work.resolve("data"));
        Path backup = work.resolve("backup");
        Set<Integer> ackedBeforeBackup;
        String key;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            try {
                RestClient rest = server.awaitReady();
                key = fleet(rest);
                ackedBeforeBackup = backUpUnderLoad(server.mqttPort(), key, dataDir, backup);
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + server.output()));
                throw e;
            }
        }

        Cli refused = Cli.run("restore", "--from", backup.toString(), "--data-dir", dataDir.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is not empty");

        Path restored = work.resolve("restored");
        Cli restore = Cli.run("restore", "--from", backup.toString(), "--data-dir", restored.toString());
        assertThat(restore.exitCode()).as(restore.err()).isZero();
        assertThat(restore.out()).contains("checked", "state.db", "events.duckdb", "telemetry.duckdb", "secret.key");

        // the administrator's token is theirs to keep; the backup holds only its hash (in the state store)
        Files.copy(dataDir.resolve("initial-admin-token"), restored.resolve("initial-admin-token"));
        try (ServerProcess again = ServerProcess.start(restored)) {
            try {
                RestClient rest = again.awaitReady();
                assertThat(rest.get("/devices/thermo").ok().path("template").asText()).isEqualTo(TEMPLATE);
                assertThat(rest.get("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8)).ok()
                        .path("displayName").asText()).isEqualTo("Thermostat");
                JsonNode properties = rest.get("/devices/thermo/properties").ok();
                assertThat(properties.at("/$metadata/target/desiredValue").asDouble()).as(properties.toString())
                        .isEqualTo(21.5);
                assertThat(rest.get("/devices/thermo/credentials").ok().at("/symmetricKey/primaryKey").asText())
                        .as("device keys readable with the restored secret.key").isEqualTo(key);
                again.process().destroyForcibly().waitFor(); // its files are read next
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + again.output()));
                throw e;
            }
        }
        assertThat(KillNineTest.storedNumbers(restored)).containsAll(ackedBeforeBackup);
    }

    /** The template, the device with a desired property; returns the device's key. */
    private static String fleet(RestClient rest) {
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8), Json.parse(
                "{\"@type\":[\"ModelDefinition\",\"DeviceModel\"],\"displayName\":\"Thermostat\",\"capabilityModel\":"
                + "{\"@id\":\"dtmi:opencentral:backup:cm;1\",\"@type\":\"Interface\",\"contents\":["
                + "{\"@type\":\"Property\",\"name\":\"target\",\"schema\":\"double\",\"writable\":true},"
                + "{\"@type\":\"Telemetry\",\"name\":\"n\",\"schema\":\"integer\"}]}}")).ok();
        rest.put("/devices/thermo", Map.of("displayName", "Thermo", "template", TEMPLATE)).ok();
        rest.patch("/devices/thermo/properties", Map.of("target", 21.5)).ok();
        return rest.get("/devices/thermo/credentials").ok().at("/symmetricKey/primaryKey").asText();
    }

    /** Sends numbered QoS 1 messages; backs up once enough are acknowledged, while sending goes on. */
    private static Set<Integer> backUpUnderLoad(int mqttPort, String key, Path dataDir, Path backup)
            throws InterruptedException {
        Set<Integer> acked = ConcurrentHashMap.newKeySet();
        AtomicBoolean sending = new AtomicBoolean(true);
        try (TestDevice device = TestDevice.plain(mqttPort, "thermo", key)) {
            device.connect();
            Semaphore window = new Semaphore(IN_FLIGHT);
            Thread sender = Thread.ofVirtual().start(() -> {
                for (int n = 0; sending.get(); n++) {
                    window.acquireUninterruptibly();
                    int number = n;
                    device.sendTelemetry("{\"n\": " + number + "}").whenComplete((ok, error) -> {
                        if (error == null) {
                            acked.add(number);
                        }
                        window.release();
                    });
                }
            });
            await().atMost(Duration.ofMinutes(2)).until(() -> acked.size() >= ACKED_BEFORE_BACKUP);
            Set<Integer> before = new HashSet<>(acked);

            Cli backedUp = Cli.run("backup", "--data-dir", dataDir.toString(), "--to", backup.toString());

            assertThat(backedUp.exitCode()).as(backedUp.err()).isZero();
            assertThat(backedUp.out()).contains("state.db", "telemetry.duckdb", "events.duckdb", "secret.key",
                    "event log position", "backup complete");
            int afterBackup = acked.size();
            await().atMost(Duration.ofSeconds(30)).until(() -> acked.size() > afterBackup);
            sending.set(false);
            sender.join();
            window.acquire(IN_FLIGHT);
            return before;
        }
    }

    /** One run of the opencentral command line in this process, its output captured. */
    private record Cli(int exitCode, String out, String err) {
        static Cli run(String... args) {
            CommandLine cli = OpenCentralCommand.create(new ConfigLoader(Map.of(),
                    ServerConfig.defaults(TestPlatform.HOST)), config -> 0);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            int code = cli.execute(args);
            return new Cli(code, out.toString(), err.toString());
        }
    }
}
