package org.opencentral.platform.rules.action;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.rule.ActionTask;
import org.opencentral.core.rule.RuleChanges;
import org.opencentral.core.rule.RuleHistoryEntry;
import org.opencentral.core.rule.RuleHistoryEntry.Kind;
import org.opencentral.core.rule.RuleJson;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.rules.RuleStores;
import org.opencentral.platform.security.WebhookSignature;

/** The action outbox sent to a real HTTP receiver (the JDK's server on port 0), on a manual clock. */
@Timeout(60)
class ActionSenderTest {
    static final String SECRET = "the-webhook-secret-0123";
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    record Received(Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(START);
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger status = new AtomicInteger(200);
    HttpServer receiver;
    RuleStores stores;
    StateStore state;
    ActionSender sender;

    @BeforeEach
    void open() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        receiver.start();
        stores = new RuleStores(dir, clock);
        state = stores.state;
        sender = new ActionSender(state.rules(), stores.delivery(), clock);
    }

    @AfterEach
    void close() {
        receiver.stop(0);
        stores.close();
    }

    private void rule(String actions) {
        state.rules().put(RuleJson.read("hot", Json.parse("{\"template\": \"t\", \"conditions\": {\"items\": "
                + "[{\"connectivity\": \"connected\"}]}, \"actions\": [" + actions + "]}")));
    }

    private String webhook(String extra) {
        return "{\"type\": \"webhook\", \"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook\""
                + extra + "}";
    }

    private void queue(String key, int action) {
        state.rules().record(new RuleChanges(List.of(), List.of(), List.of(new ActionTask(0, key, "hot", action,
                DeviceId.of("d1"), Json.parseObject("{\"rule\": {\"id\": \"hot\"}, \"key\": \"" + key + "\"}"), 0,
                clock.instant())), "rules", OptionalLong.empty()));
    }

    private List<RuleHistoryEntry> history() {
        return state.rules().history("hot", Optional.empty(), 100).items().reversed();
    }

    @Test
    void aSignedWebhookCarriesThePayloadHeadersAndIdempotencyKey() {
        rule(webhook(", \"secret\": \"" + SECRET + "\", \"headers\": {\"X-Team\": \"ops\"}"));
        queue("hot/d1/fired/e7#0", 0);

        assertThat(sender.runOnce()).isEqualTo(1);

        Received request = received.poll();
        assertThat(Json.parse(request.body()).at("/rule/id").asText()).isEqualTo("hot");
        assertThat(request.header("X-OpenCentral-Signature"))
                .isEqualTo(WebhookSignature.of(SECRET, request.body()));
        assertThat(request.header("Idempotency-Key")).isEqualTo("hot/d1/fired/e7#0");
        assertThat(request.header("X-Team")).isEqualTo("ops");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(history()).extracting(RuleHistoryEntry::kind).containsExactly(Kind.ACTION_SENT);
        assertThat(state.rules().dueActions(START.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void aServerErrorIsRetriedWithBackoffUnderTheSameKeyUntilItSucceeds() {
        rule(webhook(""));
        queue("hot/d1/fired/e1#0", 0);
        status.set(503);

        sender.runOnce();
        sender.runOnce();
        assertThat(received).hasSize(1);
        assertThat(state.rules().dueActions(START.plusSeconds(1), 10)).singleElement()
                .satisfies(task -> assertThat(task.attempts()).isEqualTo(1));

        clock.advance(Duration.ofSeconds(1));
        sender.runOnce();
        assertThat(received).hasSize(2);
        status.set(200);
        clock.advance(Duration.ofSeconds(2));
        sender.runOnce();

        assertThat(received).extracting(r -> r.header("Idempotency-Key")).containsOnly("hot/d1/fired/e1#0");
        assertThat(history()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(Kind.ACTION_SENT);
            assertThat(entry.detail().path("attempts").asInt()).isEqualTo(3);
        });
    }

    @Test
    void aClientErrorOrTooManyTriesFailsAndIsRecordedInTheHistory() {
        rule(webhook("") + ", " + webhook(", \"minInterval\": \"PT0S\""));
        status.set(404);
        queue("hot/d1/fired/e1#0", 0);
        sender.runOnce();
        assertThat(history()).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(Kind.ACTION_FAILED);
            assertThat(entry.detail().path("error").asText()).isEqualTo("the webhook answered 404");
        });

        status.set(500);
        queue("hot/d1/fired/e2#1", 1);
        for (int i = 0; i < ActionSender.MAX_ATTEMPTS; i++) {
            sender.runOnce();
            clock.advance(Duration.ofMinutes(5));
        }
        assertThat(history()).extracting(RuleHistoryEntry::kind).containsExactly(Kind.ACTION_FAILED, Kind.ACTION_FAILED);
        assertThat(history().getLast().detail().path("attempts").asInt()).isEqualTo(ActionSender.MAX_ATTEMPTS);
        assertThat(state.rules().dueActions(clock.instant().plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    void sendsWithinTheMinimumIntervalAreSuppressedAndCounted() {
        rule(webhook(", \"minInterval\": \"PT10S\""));
        queue("hot/d1/fired/e1#0", 0);
        sender.runOnce();
        clock.advance(Duration.ofSeconds(4));
        queue("hot/d1/renotified/e2#0", 0);
        queue("hot/d1/renotified/e3#0", 0);
        sender.runOnce();
        clock.advance(Duration.ofSeconds(6));
        queue("hot/d1/renotified/e4#0", 0);
        sender.runOnce();

        assertThat(received).hasSize(2);
        assertThat(history()).extracting(e -> e.detail().path("suppressed").asInt()).containsExactly(0, 2);
    }

    @Test
    void anEmailWithoutAnSmtpServerFails() {
        rule("{\"type\": \"email\", \"to\": [\"ops@example.com\"]}");
        queue("hot/d1/fired/e1#0", 0);

        sender.runOnce();

        JsonNode detail = history().getFirst().detail();
        assertThat(detail.path("error").asText()).isEqualTo("no SMTP server is configured (--smtp-host)");
        assertThat(detail.path("type").asText()).isEqualTo("email");
    }
}
