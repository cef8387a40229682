package org.opencentral.platform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.core.store.StateStore;
import org.opencentral.core.testing.ManualClock;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.session.RecordingSession;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.store.secret.AesGcmSecretCipher;
import org.opencentral.store.sqlite.SqliteStateStore;

/** Direct methods over in-memory sessions, recorded into a real SQLite command history. */
@Timeout(30)
class CommandServiceTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private final DeviceSessions sessions = new DeviceSessions(timer);
    private final ManualClock clock = ManualClock.startingNow();
    private final DeviceId device = DeviceId.of("thermostat-1");
    private final SecretCipher cipher = AesGcmSecretCipher.random();
    @TempDir
    Path dir;
    private StateStore state;
    private CommandHistory history;
    private CommandService commands;

    @BeforeEach
    void open() {
        state = SqliteStateStore.open(dir.resolve("state.db"), cipher);
        state.devices().insert(Device.builder(device).displayName("T").etag("e1").createdAt(clock.instant()).build());
        history = new CommandHistory(state.commandHistory());
        history.start();
        commands = new CommandService(sessions, history, clock, timer);
    }

    @AfterEach
    void close() {
        callers.shutdownNow();
        timer.shutdownNow();
        history.close();
        state.close();
    }

    private CompletableFuture<CommandRecord> run(String method, String request, int connectionTimeout,
            int responseTimeout) {
        CommandCall call = new CommandCall(device, method, request == null ? Json.MAPPER.missingNode()
                : Json.parse(request), connectionTimeout, responseTimeout, "user:alice");
        return CompletableFuture.supplyAsync(() -> commands.run(call), callers);
    }

    @Test
    void aConnectedDeviceAnswersAndTheCallIsRecorded() throws Exception {
        RecordingSession session = new RecordingSession(device, Subscription.METHODS);
        sessions.register(session);

        CompletableFuture<CommandRecord> answer = run("reboot", "{\"delay\":5}", 0, 5);
        await().until(() -> !session.methods.isEmpty());
        RecordingSession.MethodRequest request = session.methods.getFirst();
        assertThat(request.name()).isEqualTo("reboot");
        assertThat(new String(request.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"delay\":5}");
        commands.onResponse(device, request.requestId(), 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));

        CommandRecord record = answer.get();
        assertThat(record.outcome()).isEqualTo(new CommandOutcome.Answered(200, Json.parse("{\"ok\":true}")));
        assertThat(record.actor()).isEqualTo("user:alice");
        assertThat(record.request()).contains(Json.parse("{\"delay\":5}"));
        List<CommandRecord> recorded = history.list(device, "reboot", Optional.empty(), 10).items();
        assertThat(recorded).singleElement().usingRecursiveComparison().ignoringFields("sequence").isEqualTo(record);
    }

    @Test
    void aDeviceThatIsNotConnectedFailsAtOnceAndIsRecordedWithoutAnswer() {
        assertFailsWith(run("reboot", null, 0, 5), ErrorCode.DEVICE_NOT_CONNECTED);

        CommandRecord recorded = history.list(device, "reboot", Optional.empty(), 10).items().getFirst();
        assertThat(recorded.outcome()).isEqualTo(new CommandOutcome.NotConnected());
        assertThat(recorded.request()).isEmpty();
    }

    @Test
    void theCallWaitsForTheDeviceToConnectAndSubscribe() throws Exception {
        CompletableFuture<CommandRecord> answer = run("reboot", "{}", 10, 10);
        RecordingSession session = new RecordingSession(device);
        sessions.register(session);
        sessions.subscribed(device);
        assertThat(session.methods).isEmpty();

        session.subscribe(Subscription.METHODS);
        sessions.subscribed(device);
        await().atMost(Duration.ofSeconds(5)).until(() -> !session.methods.isEmpty());
        commands.onResponse(device, session.methods.getFirst().requestId(), 204, new byte[0]);
        assertThat(answer.get().outcome()).isEqualTo(new CommandOutcome.Answered(204, Json.parse("null")));
    }

    @Test
    void noAnswerWithinTheResponseTimeoutIsAGatewayTimeoutAndIsRecorded() {
        sessions.register(new RecordingSession(device, Subscription.METHODS));
        CompletableFuture<CommandOutcome.Answered> answer = commands.invoke(device, "slow", "{}".getBytes(StandardCharsets.UTF_8),
                Duration.ZERO, Duration.ofMillis(100));
        assertThatThrownBy(answer::get).hasCauseInstanceOf(java.util.concurrent.TimeoutException.class);

        assertFailsWith(run("slow", "{}", 0, 1), ErrorCode.GATEWAY_TIMEOUT);
        assertThat(history.list(device, "slow", Optional.empty(), 10).items()).singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(new CommandOutcome.TimedOut()));
    }

    @Test
    void answersForUnknownRequestsAreIgnored() {
        assertThat(commands.onResponse(device, "nope", 200, new byte[0])).isFalse();
    }

    @Test
    void nonJsonAnswersAreKeptAsText() throws Exception {
        RecordingSession session = new RecordingSession(device, Subscription.METHODS);
        sessions.register(session);
        CompletableFuture<CommandRecord> answer = run("m", "{}", 0, 5);
        await().until(() -> !session.methods.isEmpty());
        commands.onResponse(device, session.methods.getFirst().requestId(), 500, "boom".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.get().outcome()).isEqualTo(new CommandOutcome.Answered(500, Json.MAPPER.getNodeFactory()
                .textNode("boom")));
    }

    @Test
    void invalidMethodNamesAreRefusedAndNotRecorded() {
        CommandCall call = new CommandCall(device, "bad/name", Json.object(), 0, 5, "user:alice");
        assertThatThrownBy(() -> commands.run(call)).isInstanceOf(DomainException.class);
        assertThat(history.list(device, "bad/name", Optional.empty(), 10).items()).isEmpty();
    }

    private static void assertFailsWith(CompletableFuture<?> future, ErrorCode code) {
        assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
