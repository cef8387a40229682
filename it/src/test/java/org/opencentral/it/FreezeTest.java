package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;

/**
 * The server process frozen ({@code kill -STOP}) under QoS 1 load for longer than the devices'
 * keep-alive, then thawed ({@code kill -CONT}): the devices' connections expire on both sides, the
 * devices connect again, the server answers again, and every message it acknowledged is in its log.
 * The freeze lasts {@code -Dfreeze.seconds} (8 s in the build, 30 s in RELIABILITY.md) with a
 * keep-alive of {@code -Dfreeze.keepAliveSeconds} (2 s).
 */
@Timeout(300) // a 30-s freeze, a start and the catching up
class FreezeTest {
    private static final int FREEZE_SECONDS = Integer.getInteger("freeze.seconds", 8);
    private static final int KEEP_ALIVE_SECONDS = Integer.getInteger("freeze.keepAliveSeconds", 2);
    private static final int DEVICES = 3;
    private static final int ACKED_BEFORE = 500;
    private static final int IN_FLIGHT = 20;

    @TempDir
    Path dataDir;

    @Test
    void devicesReconnectAfterAFreezeAndNothingAcknowledgedIsLost() throws Exception {
        Set<Integer> acked = new HashSet<>();
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            List<AckedTelemetry> loads = new ArrayList<>();
            try {
                RestClient rest = server.awaitReady();
                for (int d = 0; d < DEVICES; d++) {
                    String id = "frozen-" + d;
                    rest.put("/devices/" + id, Map.of("displayName", id)).ok();
                    String key = rest.get("/devices/" + id + "/credentials").ok().at("/symmetricKey/primaryKey").asText();
                    loads.add(AckedTelemetry.start(TestDevice.plain(server.mqttPort(), id, key), KEEP_ALIVE_SECONDS,
                            IN_FLIGHT, d * 1_000_000));
                }
                await().atMost(Duration.ofMinutes(1)).until(() -> loads.stream()
                        .allMatch(load -> load.ackedCount() >= ACKED_BEFORE));

                signal("STOP", server.process());
                Thread.sleep(Duration.ofSeconds(FREEZE_SECONDS)); // the fault itself: the process stays frozen this long
                List<Integer> ackedAtThaw = loads.stream().map(AckedTelemetry::ackedCount).toList();
                signal("CONT", server.process());
                long thawedAt = System.nanoTime();

                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    for (int d = 0; d < DEVICES; d++) {
                        assertThat(loads.get(d).connectCount()).as("connections of device %d", d)
                                .isGreaterThanOrEqualTo(2);
                        assertThat(loads.get(d).ackedCount()).as("acknowledged to device %d", d)
                                .isGreaterThanOrEqualTo(ackedAtThaw.get(d) + ACKED_BEFORE);
                    }
                });
                long caughtUpAfter = System.nanoTime() - thawedAt;
                assertThat(rest.get("/devices/frozen-0").ok().path("displayName").asText()).isEqualTo("frozen-0");
                assertThat(server.health().body().path("status").asText()).isEqualTo("ok");
                for (AckedTelemetry load : loads) {
                    acked.addAll(load.stop());
                }
                assertThat(server.output()).contains("MQTT connection closed: device=frozen-");
                System.out.printf("FreezeTest: frozen %d s (keep-alive %d s); %d ms after the thaw every device had "
                        + "connected again and had %d more acknowledged; connections %s, server-side keep-alive "
                        + "expiries %d, %d acknowledged in all%n", FREEZE_SECONDS, KEEP_ALIVE_SECONDS,
                        caughtUpAfter / 1_000_000, ACKED_BEFORE, loads.stream().map(AckedTelemetry::connectCount)
                                .toList(), server.output().split("reason=keep-alive timeout", -1).length - 1,
                        acked.size());
                server.process().destroy();
                server.process().waitFor();
            } catch (AssertionError | RuntimeException e) {
                e.addSuppressed(new AssertionError("server output:\n" + server.output()));
                throw e;
            } finally {
                for (AckedTelemetry load : loads) {
                    load.close();
                }
            }
        }
        assertThat(KillNineTest.storedNumbers(dataDir)).containsAll(acked);
    }

    private static void signal(String signal, Process process) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal).isZero();
    }
}
