package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.server.config.HttpConfig;
import org.opencentral.server.config.MqttConfig;
import org.opencentral.server.config.ServerConfig;
import org.opencentral.server.runtime.InitialCredentialsFile;
import org.opencentral.server.runtime.OpenCentralServer;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.ServerProcess;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * A rule's action survives {@code kill -9}: the server is killed while its webhook call is in
 * flight (the receiver holds the request), and after the restart the queued action is sent again
 * under the same idempotency key, so the receiver acts on it exactly once; the rule fired once.
 */
@Timeout(180)
class RuleKillNineTest {
    @TempDir
    Path dataDir;

    @Test
    void anActionInFlightAtTheKillIsSentAgainUnderTheSameKeyAfterTheRestart() throws Exception {
        List<String> keys = new CopyOnWriteArrayList<>();
        CountDownLatch firstCall = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(TestPlatform.HOST, 0), 0);
        receiver.setExecutor(Executors.newCachedThreadPool());
        receiver.createContext("/hook", exchange -> {
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.getRequestBody().readAllBytes();
            if (keys.size() == 1) {
                firstCall.countDown();
                awaitQuietly(release); // the server dies while this call is in flight
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            RestClient rest = server.awaitReady();
            String key = setUp(rest, receiver.getAddress().getPort());
            try (TestDevice device = TestDevice.plain(server.mqttPort(), "boiler", key)) {
                device.connect();
                device.sendTelemetry("{\"temperature\": 95}").join();
            }
            assertThat(firstCall.await(60, TimeUnit.SECONDS)).as(server.output()).isTrue();
            server.process().destroyForcibly().waitFor();
        } finally {
            release.countDown();
        }

        try (OpenCentralServer restarted = OpenCentralServer.start(config(), Clock.systemUTC())) {
            RestClient rest = new RestClient(URI.create("http://" + TestPlatform.HOST + ":" + restarted.httpPort()),
                    Files.readString(dataDir.resolve(InitialCredentialsFile.NAME)).trim());
            await().atMost(Duration.ofSeconds(60)).until(() -> kinds(rest).contains("actionSent"));

            assertThat(kinds(rest)).containsExactly("fired", "actionSent");
            assertThat(keys).hasSize(2).containsOnly(keys.getFirst());
            assertThat(keys.getFirst()).startsWith("overheat/boiler/fired/");
        } finally {
            receiver.stop(0);
        }
    }

    private static String setUp(RestClient rest, int receiverPort) {
        String template = "dtmi:rules:Boiler;1";
        rest.put("/deviceTemplates/" + URLEncoder.encode(template, StandardCharsets.UTF_8), Json.parse(
                "{\"displayName\":\"Boiler\",\"capabilityModel\":{\"@id\":\"dtmi:rules:Boiler_cm;1\",\"@type\":"
                        + "\"Interface\",\"@context\":\"dtmi:dtdl:context;2\",\"contents\":[{\"@type\":\"Telemetry\","
                        + "\"name\":\"temperature\",\"schema\":\"double\"}]}}")).ok();
        rest.put("/rules/overheat", Json.parse("{\"template\":\"" + template + "\",\"conditions\":{\"items\":["
                + "{\"telemetry\":\"temperature\",\"operator\":\">\",\"value\":90}]},\"actions\":[{\"type\":\"webhook\","
                + "\"url\":\"http://" + TestPlatform.HOST + ":" + receiverPort + "/hook\"}]}")).ok();
        rest.put("/devices/boiler", Map.of("displayName", "Boiler", "template", template)).ok();
        return rest.get("/devices/boiler/credentials").ok().at("/symmetricKey/primaryKey").asText();
    }

    private ServerConfig config() {
        return ServerConfig.defaults(TestPlatform.HOST).toBuilder().dataDir(dataDir)
                .http(new HttpConfig(TestPlatform.HOST, 0))
                .mqtt(new MqttConfig(TestPlatform.HOST, 0, OptionalInt.empty(), OptionalInt.empty())).build();
    }

    /** The rule's history kinds, oldest first. */
    private static List<String> kinds(RestClient rest) {
        List<String> kinds = new ArrayList<>();
        rest.get("/rules/overheat/history").ok().path("value").forEach(e -> kinds.addFirst(e.path("kind").asText()));
        return kinds;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
