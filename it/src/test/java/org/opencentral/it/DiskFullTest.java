package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;

/**
 * The data directory runs out of space under QoS 1 load: a real, size-limited filesystem (a tmpfs of
 * {@value #SIZE_MIB} MiB) filled by a ballast file while a device sends. The server stops acknowledging
 * what it cannot store, says so in its log and on {@code /healthz}, keeps serving reads, and goes on by
 * itself once the ballast is deleted; every acknowledged message is stored and the stores open again.
 * Mounting needs root (CAP_SYS_ADMIN): without it the test is skipped, saying so.
 */
@Timeout(300) // filling 64 MiB and two starts
class DiskFullTest {
    private static final int SIZE_MIB = Integer.getInteger("diskfull.sizeMib", 64);
    private static final int ACKED_BEFORE_FULL = Integer.getInteger("diskfull.ackedBeforeFull", 1_000);
    private static final int ACKED_AFTER_SPACE_RETURNS = Integer.getInteger("diskfull.ackedAfter", 1_000);
    /** How many times the device tries to connect while the disk stays full (every half second: 120 is a minute). */
    private static final int ATTEMPTS_WHILE_FULL = Integer.getInteger("diskfull.attemptsWhileFull", 10);
    private static final int IN_FLIGHT = 50;
    /** A line of the server's log: time, level, [thread], logger - message. */
    private static final Pattern LOG_LINE = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\S+ +(\\w+) +\\[[^\\]]*\\] (.*)");
    /** The first line of a stack trace: an exception's class name. */
    private static final Pattern STACK_TRACE_START = Pattern.compile("[\\w$]+(\\.[\\w$]+)+(Exception|Error)\\b");

    @TempDir
    Path work;
    Path dataDir;
    boolean mounted;

    @BeforeEach
    void mountSmallFilesystem() throws Exception {
        dataDir = Files.createDirectory(work.resolve("data"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + SIZE_MIB + "m", "tmpfs",
                dataDir.toString()).redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = mount.waitFor();
        Assumptions.assumeFalse(exit != 0 && lacksPrivilege(output),
                "mounting a tmpfs needs root (CAP_SYS_ADMIN), which this process lacks: " + output.strip());
        assertThat(exit).as("mount -t tmpfs: " + output).isZero();
        mounted = true;
    }

    private static boolean lacksPrivilege(String mountOutput) {
        String said = mountOutput.toLowerCase(java.util.Locale.ROOT);
        return said.contains("permission denied") || said.contains("not permitted")
                || said.contains("must be superuser") || said.contains("only root");
    }

    /** Lazily: a server killed by a failed test may still hold its files for a moment. */
    @AfterEach
    void unmount() throws Exception {
        if (mounted) {
            Process umount = new ProcessBuilder("umount", "--lazy", dataDir.toString()).inheritIO().start();
            assertThat(umount.waitFor()).as("umount --lazy " + dataDir).isZero();
        }
    }

    @Test
    void aFullDiskStopsAcknowledgementsUntilSpaceReturnsAndLosesNothing() throws Exception {
        Set<Integer> acked;
        Path ballast = work.resolve("data").resolve("ballast");
        Path serverLog = work.resolve("server.log");
        try (ServerProcess server = ServerProcess.startLoggingTo(dataDir, serverLog)) {
            try {
                RestClient rest = server.awaitReady();
                rest.put("/devices/filler", Map.of("displayName", "Filler")).ok();
                String key = rest.get("/devices/filler/credentials").ok().at("/symmetricKey/primaryKey").asText();
                try (AckedTelemetry load = AckedTelemetry.start(TestDevice.plain(server.mqttPort(), "filler", key),
                        60, IN_FLIGHT, 0)) {
                    await().atMost(Duration.ofMinutes(1)).until(() -> load.ackedCount() >= ACKED_BEFORE_FULL);

                    long loggedBeforeFull = Files.size(serverLog);
                    long fullAt = System.nanoTime();
                    fill(ballast);
                    await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                        RestClient.Response health = server.health();
                        assertThat(health.status()).isEqualTo(200);
                        assertThat(health.body().path("status").asText()).isEqualTo("degraded");
                        assertThat(health.body().path("problems").toString()).contains("No space left on device");
                    });
                    long degradedAfter = System.nanoTime() - fullAt;
                    int ackedWhenDegraded = load.ackedCount();
                    assertThat(server.output()).contains("No space left on device");
                    assertThat(rest.get("/devices/filler").ok().path("displayName").asText()).isEqualTo("Filler");
                    assertThat(uiStatus(server)).isEqualTo(200);

                    int attemptsWhenDegraded = load.connectAttempts();
                    await().atMost(Duration.ofMinutes(5)).until(
                            () -> load.connectAttempts() >= attemptsWhenDegraded + ATTEMPTS_WHILE_FULL);
                    String whileFull = logSince(serverLog, loggedBeforeFull);
                    long loggedWhileFull = whileFull.getBytes(StandardCharsets.UTF_8).length;
                    long fullFor = System.nanoTime() - fullAt;
                    assertThat(stackTraces(whileFull)).as("log lines with a stack trace while the disk was full, "
                            + "each logged once (RepeatedFailures)").isNotEmpty()
                            .allSatisfy((line, times) -> assertThat(times).as(line).isEqualTo(1));
                    int whenSpaceReturned = load.ackedCount();
                    long freedAt = System.nanoTime();
                    Files.delete(ballast);
                    await().atMost(Duration.ofMinutes(1)).until(() -> server.health().body().path("status")
                            .asText().equals("ok"));
                    long okAfter = System.nanoTime() - freedAt;
                    await().atMost(Duration.ofMinutes(1))
                            .until(() -> load.ackedCount() >= whenSpaceReturned + ACKED_AFTER_SPACE_RETURNS);
                    acked = load.stop();
                    System.out.printf("DiskFullTest: degraded %d ms after the disk filled, %d acknowledged then, "
                            + "%d when space returned (%d sends refused), ok %d ms after, %d acknowledged in all; "
                            + "full for %d s with %d connection attempts, %d bytes of server log meanwhile%n",
                            degradedAfter / 1_000_000, ackedWhenDegraded, whenSpaceReturned, load.failedCount(),
                            okAfter / 1_000_000, acked.size(), fullFor / 1_000_000_000,
                            load.connectAttempts() - attemptsWhenDegraded, loggedWhileFull);
                }
                server.process().destroy();
                assertThat(server.process().waitFor()).as("exit status of a stop by SIGTERM").isEqualTo(143);
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + server.output()));
                throw e;
            }
        }
        assertThat(integrityCheck(dataDir.resolve("state.db"))).isEqualTo("ok");
        try (ServerProcess again = ServerProcess.startLoggingTo(dataDir, work.resolve("restarted.log"))) {
            try {
                RestClient rest = again.awaitReady();
                assertThat(rest.get("/devices/filler").ok().path("displayName").asText()).isEqualTo("Filler");
                again.process().destroy();
                again.process().waitFor();
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + again.output()));
                throw e;
            }
        }
        assertThat(KillNineTest.storedNumbers(dataDir)).containsAll(acked);
    }

    /** What the server logged from byte {@code offset} on. */
    private static String logSince(Path log, long offset) throws IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) offset, all.length - (int) offset, StandardCharsets.UTF_8);
    }

    /** How often each log line (its level, logger and message with numbers and thread aside) came with a stack trace. */
    static Map<String, Integer> stackTraces(String log) {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> lines = log.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher line = LOG_LINE.matcher(lines.get(i));
            if (line.matches() && STACK_TRACE_START.matcher(lines.get(i + 1)).lookingAt()) {
                counts.merge((line.group(1) + " " + line.group(2)).replaceAll("\\d+", "N"), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Writes zeros to {@code ballast} until the filesystem refuses (ENOSPC). */
    private static void fill(Path ballast) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(1 << 20);
        try (FileChannel file = FileChannel.open(ballast, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            while (true) {
                zeros.clear();
                file.write(zeros);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                throw full;
            }
        }
    }

    private static int uiStatus(ServerProcess server) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.httpBase().resolve("/")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String integrityCheck(Path sqlite) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + sqlite);
                ResultSet result = connection.createStatement().executeQuery("PRAGMA integrity_check")) {
            result.next();
            return result.getString(1);
        }
    }
}
