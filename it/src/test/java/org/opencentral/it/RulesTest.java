package org.opencentral.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opencentral.core.Json;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.security.WebhookSignature;
import org.opencentral.server.config.SmtpConfig;
import org.opencentral.testkit.RestClient;
import org.opencentral.testkit.TestDevice;
import org.opencentral.testkit.TestPlatform;

/**
 * Rules end to end: a real server on a clock the test moves, a real MQTT device over TLS, rules
 * written over REST, their history read back over REST, a webhook receiver (the JDK's HTTP server)
 * and an SMTP server (GreenMail).
 */
@Timeout(120)
class RulesTest {
    static final String TEMPLATE = "dtmi:rules:Thermostat;1";
    static final String MODEL = "{\"@id\":\"dtmi:rules:Thermostat_cm;1\",\"@type\":\"Interface\",\"@context\":"
            + "\"dtmi:dtdl:context;2\",\"contents\":[{\"@type\":\"Telemetry\",\"name\":\"temperature\","
            + "\"schema\":\"double\"},{\"@type\":[\"Property\",\"Cloud\"],\"name\":\"site\","
            + "\"schema\":\"string\"}]}";

    static final String SECRET = "rules-test-webhook-secret";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    final ManualClock clock = ManualClock.startingNow();
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    HttpServer receiver;
    TestPlatform platform;
    RestClient rest;
    TestDevice device;

    /** One request the webhook receiver got. */
    record Received(String signature, String idempotencyKey, byte[] body) {
    }

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-OpenCentral-Signature"),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        SmtpConfig smtp = new SmtpConfig(Optional.of("127.0.0.1"), MAIL.getSmtp().getPort(), SmtpConfig.Security.NONE,
                Optional.empty(), Optional.empty(), "rules@opencentral.test");
        platform = TestPlatform.start(config -> config.toBuilder().smtp(smtp).build(), clock);
        rest = platform.rest();
        rest.put("/deviceTemplates/" + URLEncoder.encode(TEMPLATE, StandardCharsets.UTF_8),
                Json.parse("{\"displayName\":\"Thermostat\",\"capabilityModel\":" + MODEL + "}")).ok();
        rest.put("/devices/thermo-1", Map.of("displayName", "Thermostat 1", "template", TEMPLATE)).ok();
        String key = rest.get("/devices/thermo-1/credentials").ok().at("/symmetricKey/primaryKey").asText();
        device = TestDevice.overTls(platform, "thermo-1", key);
        device.connect();
    }

    @AfterEach
    void stop() {
        device.close();
        platform.close();
        receiver.stop(0);
    }

    @Test
    void aThresholdRuleFiresOnceAndCallsItsWebhookWithTheSignedPayload() {
        putRule("too-hot", "{\"telemetry\":\"temperature\",\"operator\":\">\",\"value\":30}",
                "\"actions\":[{\"type\":\"webhook\",\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hook\",\"secret\":\"" + SECRET + "\"}],");

        send(25);
        send(31.5);
        send(33);

        await().atMost(Duration.ofSeconds(30)).until(() -> kinds("too-hot").equals(List.of("fired", "actionSent")));
        JsonNode fired = history("too-hot").get(1);
        assertThat(fired.path("device").asText()).isEqualTo("thermo-1");
        assertThat(fired.at("/telemetry/temperature/value").asDouble()).isEqualTo(31.5);
        assertThat(received).hasSize(1);
        Received call = received.peek();
        assertThat(call.signature()).isEqualTo(WebhookSignature.of(SECRET, call.body()));
        JsonNode payload = Json.parse(call.body());
        assertThat(payload.at("/rule/id").asText()).isEqualTo("too-hot");
        assertThat(payload.at("/rule/displayName").asText()).isEqualTo("too-hot");
        assertThat(payload.at("/action/type").asText()).isEqualTo("WebhookAction");
        assertThat(payload.at("/action/rules/0").asText()).isEqualTo("too-hot");
        assertThat(payload.at("/application/id").asText()).isEqualTo(platform.server().identity().applicationId());
        assertThat(payload.at("/device/id").asText()).isEqualTo("thermo-1");
        assertThat(payload.at("/device/displayName").asText()).isEqualTo("Thermostat 1");
        assertThat(payload.at("/device/instanceOf").asText()).isEqualTo(TEMPLATE);
        assertThat(payload.at("/device/telemetry/temperature/value").asDouble()).isEqualTo(31.5);
        assertThat(Instant.parse(payload.path("timestamp").asText())).isEqualTo(Instant.parse(fired.path("time").asText()));
        assertThat(call.idempotencyKey()).startsWith("too-hot/thermo-1/fired/");
        assertThat(rest.get("/rules/too-hot").ok().at("/actions/0").has("secret")).isFalse();
    }

    @Test
    void anEmailActionArrivesOverSmtp() throws Exception {
        putRule("mail-hot", "{\"telemetry\":\"temperature\",\"operator\":\">\",\"value\":30}",
                "\"actions\":[{\"type\":\"email\",\"to\":[\"ops@example.com\"]}],");

        send(40);

        assertThat(MAIL.waitForIncomingEmail(30_000, 1)).isTrue();
        MimeMessage mail = MAIL.getReceivedMessages()[0];
        assertThat(GreenMailUtil.getAddressList(mail.getAllRecipients())).isEqualTo("ops@example.com");
        assertThat(mail.getSubject()).isEqualTo("[OpenCentral] mail-hot fired for Thermostat 1");
        assertThat(GreenMailUtil.getBody(mail)).contains("Device: Thermostat 1 (thermo-1)")
                .contains("telemetry: temperature = 40.0");
        await().atMost(Duration.ofSeconds(10)).until(() -> kinds("mail-hot").equals(List.of("fired", "actionSent")));
    }

    @Test
    void aNodeWithoutAnSmtpServerRefusesToStartWhileARuleSendsEmail() {
        putRule("mail-hot", "{\"telemetry\":\"temperature\",\"operator\":\">\",\"value\":30}",
                "\"actions\":[{\"type\":\"email\",\"to\":[\"ops@example.com\"]}],");
        device.close();

        assertThatThrownBy(() -> platform.restart(config -> config.toBuilder().smtp(SmtpConfig.none()).build()))
                .hasMessage("rule 'mail-hot' sends email, but no SMTP server is configured: set --smtp-host "
                        + "(OPENCENTRAL_SMTP_HOST) or remove its email action");
    }


    @Test
    void anAggregatedOneMinuteAverageFiresWhenItsWindowCloses() {
        putRule("hot-average", "{\"telemetry\":\"temperature\",\"aggregation\":\"avg\",\"operator\":\">\","
                + "\"value\":30}", "\"window\":\"PT1M\",\"lateness\":\"PT5S\",");

        send(20);
        send(50);
        send(32);
        assertThat(kinds("hot-average")).isEmpty();
        clock.advance(Duration.ofSeconds(65)); // past the end of the values' window and its lateness

        awaitHistory("hot-average", 1);
        JsonNode fired = history("hot-average").get(0);
        assertThat(fired.at("/telemetry/temperature/avg").asDouble()).isEqualTo(34.0);
        assertThat(fired.at("/window/end").asText()).isEqualTo(fired.path("time").asText());

        clock.advance(Duration.ofMinutes(1)); // the next window holds nothing: the condition no longer holds
        awaitHistory("hot-average", 2);
        assertThat(kinds("hot-average")).containsExactly("fired", "resolved");
    }

    @Test
    void anAbsenceFiresWhenTheDeviceGoesQuietAndResolvesWhenItSpeaksAgain() {
        putRule("silent", "{\"absence\":\"temperature\",\"duration\":\"PT10M\"}", "");
        send(21);
        await().atMost(Duration.ofSeconds(30)).until(this::engineHasRead);

        clock.advance(Duration.ofMinutes(11));
        awaitHistory("silent", 1);
        send(22);

        awaitHistory("silent", 2);
        assertThat(kinds("silent")).containsExactly("fired", "resolved");
    }

    private boolean engineHasRead() {
        String metrics = metricsText();
        return metrics.contains("opencentral_eventlog_consumer_lag_events{consumer=\"rules\"} 0.0");
    }

    private String metricsText() {
        try {
            var client = java.net.http.HttpClient.newHttpClient();
            return client.send(java.net.http.HttpRequest.newBuilder(platform.http().resolve("/metrics")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRuleWithAFilterActsOnlyOnceTheDevicesPropertiesMatchIt() {
        putRule("north-hot", "{\"telemetry\":\"temperature\",\"operator\":\">\",\"value\":30}",
                "\"filter\":\"SELECT * FROM devices WHERE site = 'north'\",");

        send(31);
        await().atMost(Duration.ofSeconds(30)).until(this::engineHasRead);
        rest.patch("/devices/thermo-1/properties", Map.of("site", "north")).ok();

        // The patch reaches the event log through the outbox, the telemetry straight from the device: a
        // message sent right after the patch may be logged (and evaluated) before it. The device keeps
        // sending, as a real one does, until a message after the patch fires the rule.
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            send(32);
            return kinds("north-hot").equals(List.of("fired"));
        });
        assertThat(history("north-hot").get(0).at("/telemetry/temperature/value").asDouble()).isEqualTo(32);
    }

    private void putRule(String id, String item, String extra) {
        rest.put("/rules/" + id, Json.parse("{" + extra + "\"displayName\":\"" + id + "\",\"template\":\"" + TEMPLATE
                + "\",\"conditions\":{\"match\":\"all\",\"items\":[" + item + "]}}")).ok();
    }

    private void send(double temperature) {
        device.sendTelemetry("{\"temperature\": " + temperature + "}").join();
    }

    private JsonNode history(String rule) {
        return rest.get("/rules/" + rule + "/history").ok().path("value");
    }

    /** The kinds, oldest first. */
    private List<String> kinds(String rule) {
        List<String> kinds = new ArrayList<>();
        history(rule).forEach(entry -> kinds.addFirst(entry.path("kind").asText()));
        return kinds;
    }

    private void awaitHistory(String rule, int entries) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(history(rule)).hasSize(entries));
    }
}
