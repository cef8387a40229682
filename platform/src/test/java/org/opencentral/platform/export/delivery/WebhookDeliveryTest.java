package org.opencentral.platform.export.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.export.Customization;
import org.opencentral.core.export.DestinationReference;
import org.opencentral.core.export.Export;
import org.opencentral.core.export.ExportSource;
import org.opencentral.core.export.WebhookAuthorization;
import org.opencentral.core.export.WebhookDestination;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.export.DeviceFacts;
import org.opencentral.platform.export.ExportMessages;
import org.opencentral.platform.export.ExportStatus;
import org.opencentral.store.eventlog.DuckDbEventLog;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/**
 * Delivery to a real HTTP receiver from the real event log and state store, on a fake clock with a
 * shortened retry schedule (give up after 2 minutes, recheck every minute).
 */
@Timeout(120)
class WebhookDeliveryTest {
    private static final RetryPolicy RETRY = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofMinutes(1));
    private static final List<DeviceId> DEVICES = List.of(DeviceId.of("d-1"), DeviceId.of("d-2"), DeviceId.of("d-3"));

    @TempDir
    Path directory;
    private StateStore state;
    private DuckDbEventLog log;
    private WebhookReceiver receiver;
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<PipeStats> stats = new ArrayList<>();
    private ExportRunner runner;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(directory.resolve("state.db"), AesGcmSecretCipher.random());
        log = DuckDbEventLog.open(directory.resolve("events.duckdb"));
        receiver = new WebhookReceiver();
        var client = WebhookSender.client();
        runner = new ExportRunner(state.exports(), new PipeContext(log, state.cursors(), new ExportMessages("app-1"),
                id -> DeviceFacts.NONE, RETRY, clock, 50),
                destination -> new Lanes(new WebhookSender(client, (WebhookDestination) destination)), stats::add);
    }

    @AfterEach
    void close() {
        runner.close();
        receiver.close();
        log.close();
        state.close();
    }

    private void define(URI url) {
        state.exports().putDestination(new WebhookDestination("hook", "Hook", url,
                Map.of("code", new Customization("a b", true)), Map.of("X-Tag", new Customization("t1", false)),
                Optional.of(new WebhookAuthorization.Header("SharedAccessSignature sr=x"))));
        state.exports().putExport(new Export("all", "All telemetry", true, ExportSource.TELEMETRY, Optional.empty(),
                Map.of(), List.of(new DestinationReference("hook", Optional.empty()))));
        runner.runOnce();
    }

    private void send(int round) {
        TelemetryRounds.send(log, clock, DEVICES, round);
    }

    private void drain() {
        TelemetryRounds.drain(runner, clock);
    }

    private ExportStatus destinationStatus() {
        return runner.of(state.exports().findDestination("hook").orElseThrow());
    }

    @Test
    void aReceiverDownForTenMinutesUnderLoadGetsEveryMessageInOrderPerDeviceOnceItIsBack() {
        define(receiver.url());
        int round = 0;
        for (; round < 20; round++) {
            send(round);
            drain();
        }
        receiver.down();
        for (int second = 0; second < 600; second += 5) {
            send(round++);
            runner.runOnce();
            clock.advance(Duration.ofSeconds(5));
        }
        assertThat(destinationStatus().status()).isEqualTo("error");
        assertThat(destinationStatus().errors()).singleElement().asString().contains("answered 503");
        assertThat(runner.of(state.exports().findExport("all").orElseThrow()).status()).isEqualTo("error");
        assertThat(runner.runOnce()).as("no attempt before the recheck is due").isZero();

        receiver.up();
        clock.advance(RETRY.recheck());
        drain();

        assertThat(destinationStatus().status()).isEqualTo("healthy");
        assertThat(destinationStatus().errors()).isEmpty();
        assertEveryMessageInOrderPerDevice(round);
        PipeStats counters = stats.getFirst();
        assertThat(counters.sent()).isGreaterThanOrEqualTo(3L * round);
        assertThat(counters.failed()).isPositive();
        assertThat(counters.retries()).isEqualTo(counters.failed() - 1);
        assertThat(counters.lagEvents()).isZero();
    }

    @Test
    void whileABackoffWaitsTheLagInEventsAndSecondsKeepsGrowing() {
        define(receiver.url());
        send(0);
        drain();
        receiver.down();
        send(1);
        for (int attempt = 0; attempt < 6; attempt++) { // refused after 1, 2, 4, 8, 16 s: the next waits 30 s
            runner.runOnce();
            clock.advance(RETRY.longest());
        }
        runner.runOnce();
        PipeStats counters = stats.getFirst();
        long events = counters.lagEvents();
        long seconds = counters.lagSeconds();

        clock.advance(Duration.ofSeconds(20));
        send(2);
        assertThat(runner.runOnce()).as("still waiting out the backoff").isZero();
        assertThat(counters.lagEvents()).isEqualTo(events + 3);
        assertThat(counters.lagSeconds()).isEqualTo(seconds + 20);
    }

    /** Each device's first arrivals are rounds 0 to {@code rounds - 1} in order (repeats allowed). */
    private void assertEveryMessageInOrderPerDevice(int rounds) {
        Map<String, List<Integer>> firstArrivals = new LinkedHashMap<>();
        for (WebhookReceiver.Received r : receiver.received()) {
            List<Integer> seen = firstArrivals.computeIfAbsent(r.message().path("deviceId").asText(),
                    d -> new ArrayList<>());
            int n = r.message().path("telemetry").path("n").asInt();
            if (!seen.contains(n)) {
                seen.add(n);
            }
        }
        List<Integer> all = java.util.stream.IntStream.range(0, rounds).boxed().toList();
        assertThat(firstArrivals).containsOnlyKeys("d-1", "d-2", "d-3");
        firstArrivals.values().forEach(arrivals -> assertThat(arrivals).as("every message, in order").isEqualTo(all));
    }

    @Test
    void oneDevicesRefusedMessageHoldsTheCursorBeforeItWhileOtherDevicesGoOnAndItArrivesInOrderOnTheRetry() {
        define(receiver.url());
        receiver.refuse("d-2");
        for (int round = 0; round < 4; round++) {
            send(round);
        }
        runner.runOnce();
        assertThat(receiver.received()).extracting(r -> r.message().path("deviceId").asText())
                .doesNotContain("d-2").contains("d-1", "d-3");
        assertThat(stats.getFirst().lagEvents()).as("the cursor stays before d-2's first message").isEqualTo(11);
        assertThat(destinationStatus().errors()).singleElement().asString().contains("answered 503");

        receiver.accept("d-2");
        assertThat(runner.runOnce()).as("backoff pending").isZero();
        clock.advance(RETRY.first());
        drain();
        assertEveryMessageInOrderPerDevice(4);
        assertThat(stats.getFirst().lagEvents()).isZero();
        assertThat(destinationStatus().errors()).isEmpty();
    }

    @Test
    void aBatchedWebhookGetsJsonArraysOfUpToItsBatchSizeAndAfterAnOutageEveryMessageInOrderPerDevice() {
        state.exports().putDestination(new WebhookDestination("hook", "Hook", receiver.url(), Map.of(), Map.of(),
                Optional.empty(), Optional.empty(), 4));
        state.exports().putExport(new Export("all", "All telemetry", true, ExportSource.TELEMETRY, Optional.empty(),
                Map.of(), List.of(new DestinationReference("hook", Optional.empty()))));
        runner.runOnce();
        int round = 0;
        for (; round < 10; round++) {
            send(round);
        }
        drain();
        receiver.down();
        for (; round < 20; round++) {
            send(round);
        }
        runner.runOnce();
        assertThat(destinationStatus().errors()).singleElement().asString().contains("answered 503");
        receiver.up();
        clock.advance(RETRY.first());
        drain();

        assertEveryMessageInOrderPerDevice(20);
        assertThat(receiver.received()).extracting(r -> Json.parse(r.body()).isArray()).containsOnly(true);
        assertThat(receiver.received()).extracting(r -> Json.parse(r.body()).size()).allMatch(n -> n >= 1 && n <= 4);
        assertThat(receiver.requests()).as("several messages per request").isLessThan(receiver.received().size() / 2);
        assertThat(stats.getFirst().lagEvents()).isZero();
        assertThat(destinationStatus().errors()).isEmpty();
    }

    @Test
    void messagesCarryTheCustomizationsAndTheCursorSurvivesARestartOfTheRunner() {
        define(receiver.url());
        send(0);
        drain();
        WebhookReceiver.Received first = receiver.received().getFirst();
        assertThat(first.query()).isEqualTo("code=a+b");
        assertThat(first.authorization()).isEqualTo("SharedAccessSignature sr=x");
        assertThat(first.tag()).isEqualTo("t1");
        assertThat(first.message().path("schema").asText()).isEqualTo("default@v1");

        runner.close();
        send(1);
        var client = WebhookSender.client();
        runner = new ExportRunner(state.exports(), new PipeContext(log, state.cursors(), new ExportMessages("app-1"),
                id -> DeviceFacts.NONE, RETRY, clock, 50),
                destination -> new Lanes(new WebhookSender(client, (WebhookDestination) destination)), stats::add);
        drain();
        assertThat(receiver.received()).hasSize(6);
    }

    @Test
    void aSigningSecretSignsEveryRequestsExactBodyWithHmacSha256AndWithoutOneNothingIsSigned() throws Exception {
        define(receiver.url());
        send(0);
        drain();
        assertThat(receiver.received()).extracting(WebhookReceiver.Received::signature).containsOnlyNulls();

        String secret = "a-signing-secret-of-32-characters";
        state.exports().putDestination(new WebhookDestination("hook", "Hook", receiver.url(), Map.of(), Map.of(),
                Optional.empty(), Optional.of(secret)));
        send(1);
        drain();
        List<WebhookReceiver.Received> signed = receiver.received().subList(3, 6);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        for (WebhookReceiver.Received received : signed) {
            assertThat(received.signature()).as("checked by the receiver over the bytes it got")
                    .isEqualTo("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(received.body())));
        }
        assertThat(signed).extracting(r -> r.message().path("telemetry").path("n").asInt()).containsOnly(1);
    }

    @Test
    void anUnreachableReceiverPutsTheDestinationInErrorAfterTheRetriesNamingTheCause() {
        URI closed = receiver.url();
        receiver.close();
        define(closed);
        send(0);
        runner.runOnce();
        assertThat(destinationStatus().status()).as("retrying, not yet given up").isEqualTo("healthy");
        assertThat(destinationStatus().errors()).singleElement().asString()
                .endsWith("/hook failed: cannot connect (ConnectException)]");
        clock.advance(RETRY.giveUpAfter());
        runner.runOnce();
        assertThat(destinationStatus().status()).isEqualTo("error");
        assertThat(destinationStatus().lastExportTime()).isEmpty();
    }

    @Test
    void aFilteredExportSendsOnlyMatchingMessagesAndMovesItsCursorPastTheOthers() {
        define(receiver.url());
        state.exports().putExport(new Export("all", "Hot", true, ExportSource.TELEMETRY,
                Optional.of("SELECT * FROM devices WHERE n >= 2 AND $id != \"d-2\""), Map.of(),
                List.of(new DestinationReference("hook", Optional.empty()))));
        for (int round = 0; round < 4; round++) {
            send(round);
        }
        drain();
        assertThat(receiver.received()).extracting(r -> r.message().path("deviceId").asText() + ":"
                + r.message().path("telemetry").path("n").asInt())
                .containsExactlyInAnyOrder("d-1:2", "d-3:2", "d-1:3", "d-3:3")
                .filteredOn(text -> text.startsWith("d-1")).as("in order per device").containsExactly("d-1:2", "d-1:3");
        assertThat(stats.getLast().lagEvents()).isZero();
        ObjectNode message = receiver.received().getFirst().message();
        assertThat(message.path("enrichments").isObject()).isTrue();
    }

    private void defineTransformed(String transform) {
        define(receiver.url());
        state.exports().putExport(new Export("all", "Transformed", true, ExportSource.TELEMETRY, Optional.empty(),
                Map.of(), List.of(new DestinationReference("hook", Optional.of(transform)))));
    }

    @Test
    void aTransformSendsEachOfItsOutputsInsteadOfTheMessage() {
        defineTransformed("import \"iotc\" as iotc; .device.id as $d | .telemetry | iotc::find(.name == \"n\")"
                + " | {device: $d, n: .value}, {device: $d, twice: (.value * 2)}");
        send(0);
        send(1);
        drain();
        assertThat(receiver.received()).extracting(r -> r.message().toString())
                .filteredOn(text -> text.contains("d-1")).as("two outputs per message, in order")
                .containsExactly("{\"device\":\"d-1\",\"n\":0}", "{\"device\":\"d-1\",\"twice\":0}",
                        "{\"device\":\"d-1\",\"n\":1}", "{\"device\":\"d-1\",\"twice\":2}");
        assertThat(receiver.received()).hasSize(12);
        assertThat(stats.getLast().sent()).isEqualTo(12);
    }

    @Test
    void aTransformFailingOnAMessageSkipsItCountsItAndShowsTheErrorWhileTheOthersGoOut() {
        defineTransformed("if .telemetry[0].value == 1 then error(\"round one\") else {n: .telemetry[0].value} end");
        for (int round = 0; round < 3; round++) {
            send(round);
        }
        drain();
        assertThat(receiver.received()).extracting(r -> r.message().path("n").asInt()).containsOnly(0, 2).hasSize(6);
        assertThat(stats.getLast().failed()).isEqualTo(3);
        assertThat(stats.getLast().lagEvents()).as("the cursor moved past the failed messages").isZero();
        ExportStatus status = runner.of(state.exports().findExport("all").orElseThrow());
        assertThat(status.status()).as("delivery itself is healthy").isEqualTo("healthy");
        assertThat(status.errors()).singleElement().satisfies(error -> {
            assertThat(error.code()).isEqualTo(ExportStatus.Error.TRANSFORM_FAILED);
            assertThat(error.message()).contains("round one");
        });
    }
}
