package org.opencentral.platform.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CommandOutcome;
import org.opencentral.core.store.CommandRecord;
import org.opencentral.core.store.Page;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;

/**
 * Direct methods: sends a request to a connected device and completes with its response, or fails
 * with DEVICE_NOT_CONNECTED (not connected within {@code connectionTimeout}) or GATEWAY_TIMEOUT (no
 * answer within {@code responseTimeout}). Requests are correlated by a {@code $rid} the service picks.
 * Every call that passes validation is recorded in the {@link CommandHistory}, whatever its outcome.
 */
public final class CommandService {
    /** IoT Hub's method-name rule: printable US-ASCII without separators. */
    private static final Pattern METHOD_NAME = Pattern.compile("[!#%&'*+\\-.0-9A-Z^_`a-z|~]{1,128}");
    public static final int MAX_PAYLOAD_BYTES = 128 * 1024;

    private final DeviceSessions sessions;
    private final CommandHistory history;
    private final Clock clock;
    private final PendingAnswers pending;
    private final AtomicLong requestIds = new AtomicLong();

    /** {@code timer} enforces response timeouts (see {@link PendingAnswers}). */
    public CommandService(DeviceSessions sessions, CommandHistory history, Clock clock,
            ScheduledExecutorService timer) {
        this.sessions = sessions;
        this.history = history;
        this.clock = clock;
        this.pending = new PendingAnswers(timer);
    }

    /**
     * Runs a command and waits for the device (blocks: call it on a virtual thread). Returns the
     * recorded invocation with the device's answer; throws DEVICE_NOT_CONNECTED or GATEWAY_TIMEOUT,
     * after recording the invocation too. The history is written behind the caller's back, off the
     * latency path; {@link CommandHistory#list} sees every call that returned before it.
     */
    public CommandRecord run(CommandCall call) {
        return run(call, () -> {
        });
    }

    /**
     * {@link #run(CommandCall)}, running {@code accepted} on the caller's thread once the call passed
     * validation, right before the request goes to the device: what the caller records of a valid call
     * (the API's audit entry) can start there and proceed beside the device's answer.
     */
    public CommandRecord run(CommandCall call, Runnable accepted) {
        Instant requested = now();
        JsonNode request = call.request();
        byte[] payload = payload(call.method(), request);
        accepted.run();
        CommandOutcome outcome = outcomeOf(invoke(call.device(), call.method(), payload, call.connection(),
                call.response()));
        CommandRecord record = new CommandRecord(0, UUID.randomUUID().toString(), call.device(), call.method(),
                call.actor(), requested, now(), call.connectionTimeout(), call.responseTimeout(),
                Optional.of(request).filter(r -> !r.isMissingNode()), outcome);
        history.record(record);
        return switch (outcome) {
            case CommandOutcome.Answered answered -> record;
            case CommandOutcome.NotConnected notConnected -> throw new DomainException(ErrorCode.DEVICE_NOT_CONNECTED,
                    "device '" + call.device() + "' is not connected");
            case CommandOutcome.TimedOut timedOut -> throw new DomainException(ErrorCode.GATEWAY_TIMEOUT,
                    "device '" + call.device() + "' did not answer '" + call.method() + "' within "
                            + call.responseTimeout() + " s");
        };
    }

    /**
     * The device's invocations of {@code method}, newest first ({@link CommandHistory#list}): every
     * call that returned before is there; at most {@value CommandHistory#MAX_PAGE} per page.
     */
    public Page<CommandRecord> history(DeviceId device, String method, Optional<Long> before, int limit) {
        return history.list(device, method, before, limit);
    }

    /** Whole milliseconds, as the history stores them. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static CommandOutcome outcomeOf(CompletableFuture<CommandOutcome.Answered> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof DomainException domain && domain.code() == ErrorCode.DEVICE_NOT_CONNECTED) {
                return new CommandOutcome.NotConnected();
            }
            if (cause instanceof TimeoutException) {
                return new CommandOutcome.TimedOut();
            }
            throw e;
        }
    }

    /** The request's bytes on the wire; BAD_REQUEST for an invalid method name, PAYLOAD_TOO_LARGE over 128 KB. */
    private static byte[] payload(String methodName, JsonNode request) {
        if (!METHOD_NAME.matcher(methodName).matches()) {
            throw DomainException.badRequest("invalid method name '" + methodName + "'");
        }
        byte[] payload = request.isMissingNode() ? new byte[0] : Json.write(request).getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "method payload exceeds 128 KB");
        }
        return payload;
    }

    /**
     * Sends the request once the device is connected and subscribed; the future completes with the
     * answer or fails with a DEVICE_NOT_CONNECTED {@link DomainException} or a {@link TimeoutException}.
     */
    CompletableFuture<CommandOutcome.Answered> invoke(DeviceId id, String methodName, byte[] payload,
            Duration connectionTimeout, Duration responseTimeout) {
        return sessions.await(id, Subscription.METHODS, connectionTimeout)
                .exceptionally(e -> {
                    throw new CompletionException(new DomainException(ErrorCode.DEVICE_NOT_CONNECTED,
                            "device '" + id + "' is not connected"));
                })
                .thenCompose(session -> {
                    String rid = Long.toHexString(requestIds.incrementAndGet());
                    CompletableFuture<CommandOutcome.Answered> answer = pending.expect(key(id, rid), responseTimeout);
                    session.sendMethodRequest(methodName, rid, payload);
                    return answer;
                });
    }

    /**
     * Called by a transport when a device answers {@code $rid}; unknown or late answers are ignored.
     * Never blocks (it parses the answer and wakes the waiting caller; nothing else depends on the
     * answer's future), so a transport may call it on its event loop.
     */
    public boolean onResponse(DeviceId id, String requestId, int status, byte[] payload) {
        JsonNode body;
        try {
            body = payload.length == 0 ? NullNode.instance : Json.parse(payload);
        } catch (DomainException e) {
            body = Json.MAPPER.getNodeFactory().textNode(new String(payload, StandardCharsets.UTF_8));
        }
        return pending.answer(key(id, requestId), new CommandOutcome.Answered(status, body));
    }

    private static String key(DeviceId id, String rid) {
        return id.value() + '\u0000' + rid;
    }
}
