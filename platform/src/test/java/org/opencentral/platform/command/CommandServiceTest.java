package org.opencentral.platform.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.platform.session.RecordingSession;

class CommandServiceTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final DeviceSessions sessions = new DeviceSessions(timer);
    private final CommandService commands = new CommandService(sessions);
    private final DeviceId device = DeviceId.of("thermostat-1");

    @AfterEach
    void stopTimer() {
        timer.shutdownNow();
    }

    @Test
    void aConnectedDeviceAnswersWithStatusAndPayload() throws Exception {
        RecordingSession session = new RecordingSession(device, Subscription.METHODS);
        sessions.register(session);

        CompletableFuture<MethodResponse> answer = commands.invoke(device, "reboot", Json.parse("{\"delay\":5}"),
                Duration.ZERO, Duration.ofSeconds(5));
        RecordingSession.MethodRequest request = session.methods.getFirst();
        assertThat(request.name()).isEqualTo("reboot");
        assertThat(new String(request.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"delay\":5}");
        commands.onResponse(device, request.requestId(), 200, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8));

        assertThat(answer.get()).isEqualTo(new MethodResponse(200, Json.parse("{\"ok\":true}")));
    }

    @Test
    void aDeviceThatIsNotConnectedFailsAtOnceWithoutConnectionTimeout() {
        CompletableFuture<MethodResponse> answer = commands.invoke(device, "reboot", Json.object(), Duration.ZERO,
                Duration.ofSeconds(5));
        assertFailsWith(answer, ErrorCode.DEVICE_NOT_CONNECTED);
    }

    @Test
    void theCallWaitsForTheDeviceToConnectAndSubscribe() {
        CompletableFuture<MethodResponse> answer = commands.invoke(device, "reboot", Json.object(), Duration.ofSeconds(10),
                Duration.ofSeconds(10));
        RecordingSession session = new RecordingSession(device);
        sessions.register(session);
        sessions.subscribed(device);
        assertThat(session.methods).isEmpty();

        session.subscribe(Subscription.METHODS);
        sessions.subscribed(device);
        await().atMost(Duration.ofSeconds(5)).until(() -> !session.methods.isEmpty());
        commands.onResponse(device, session.methods.getFirst().requestId(), 204, new byte[0]);
        assertThat(answer.join().status()).isEqualTo(204);
    }

    @Test
    void noAnswerWithinTheResponseTimeoutIsAGatewayTimeout() {
        sessions.register(new RecordingSession(device, Subscription.METHODS));
        CompletableFuture<MethodResponse> answer = commands.invoke(device, "slow", Json.object(), Duration.ZERO,
                Duration.ofMillis(100));
        assertFailsWith(answer, ErrorCode.GATEWAY_TIMEOUT);
    }

    @Test
    void answersForUnknownRequestsAreIgnored() {
        assertThat(commands.onResponse(device, "nope", 200, new byte[0])).isFalse();
    }

    @Test
    void nonJsonAnswersAreKeptAsText() {
        RecordingSession session = new RecordingSession(device, Subscription.METHODS);
        sessions.register(session);
        CompletableFuture<MethodResponse> answer = commands.invoke(device, "m", Json.object(), Duration.ZERO,
                Duration.ofSeconds(5));
        commands.onResponse(device, session.methods.getFirst().requestId(), 500, "boom".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.join().payload().asText()).isEqualTo("boom");
    }

    @Test
    void invalidMethodNamesAreRefused() {
        assertThatThrownBy(() -> commands.invoke(device, "bad/name", Json.object(), Duration.ZERO, Duration.ofSeconds(5)))
                .isInstanceOf(DomainException.class);
    }

    private static void assertFailsWith(CompletableFuture<?> future, ErrorCode code) {
        assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
