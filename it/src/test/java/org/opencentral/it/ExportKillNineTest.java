package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.server.config.HttpConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.runtime.OpenCentralServer;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestPlatform;
import org.opencentral.testkit.WebhookSink;

/**
 * A server killed with {@code kill -9} while it ingests and exports: after the restart, the export
 * continues from its durable cursor and the receiver gets every message the server acknowledged
 * (duplicates allowed).
 */
@Timeout(240)
class ExportKillNineTest {
    private static final int ACKED_BEFORE_KILL = 3_000;

    @TempDir
    Path dataDir;

    @Test
    void everyAcknowledgedMessageReachesTheWebhookAfterTheRestart() throws Exception {
        try (WebhookSink receiver = new WebhookSink()) {
            Set<Integer> acked;
            try (ServerProcess server = ServerProcess.start(dataDir)) {
                RestClient rest = server.awaitReady();
                rest.put("/dataExport/destinations/hook", Map.of("displayName", "Hook", "type", "webhook@v1",
                        "url", receiver.url())).ok();
                rest.put("/dataExport/exports/all", Map.of("displayName", "All", "enabled", true,
                        "source", "telemetry", "destinations", List.of(Map.of("id", "hook")))).ok();
                await().atMost(Duration.ofSeconds(30)).until(() ->
                        rest.get("/dataExport/exports/all").ok().path("status").asText().equals("healthy"));
                acked = KillNineTest.ingestUntilKilled(server);
            }
            assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKED_BEFORE_KILL);

            try (OpenCentralServer restarted = OpenCentralServer.start(config(), Clock.systemUTC())) {
                await().atMost(Duration.ofSeconds(120)).untilAsserted(() ->
                        assertThat(numbers(receiver.received())).containsAll(acked));
            }
        }
    }

    private ServerConfig config() {
        return ServerConfig.defaults(TestPlatform.HOST).toBuilder().dataDir(dataDir)
                .http(new HttpConfig(TestPlatform.HOST, 0))
                .mqtt(new MqttConfig(TestPlatform.HOST, 0, OptionalInt.empty(), OptionalInt.empty())).build();
    }

    private static Set<Integer> numbers(List<JsonNode> messages) {
        Set<Integer> numbers = new HashSet<>();
        messages.forEach(m -> numbers.add(m.at("/telemetry/n").asInt()));
        return numbers;
    }
}
