package org.opencentral.platform.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;

/**
 * Direct methods: sends a request to a connected device and completes with its response, or fails
 * with DEVICE_NOT_CONNECTED (not connected within {@code connectionTimeout}) or GATEWAY_TIMEOUT (no
 * answer within {@code responseTimeout}). Requests are correlated by a {@code $rid} the service picks.
 */
public final class CommandService {
    /** IoT Hub's method-name rule: printable US-ASCII without separators. */
    private static final Pattern METHOD_NAME = Pattern.compile("[!#%&'*+\\-.0-9A-Z^_`a-z|~]{1,128}");
    public static final int MAX_PAYLOAD_BYTES = 128 * 1024;

    private final DeviceSessions sessions;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong requestIds = new AtomicLong();

    public CommandService(DeviceSessions sessions) {
        this.sessions = sessions;
    }

    public CompletableFuture<MethodResponse> invoke(DeviceId id, String methodName, JsonNode request,
            Duration connectionTimeout, Duration responseTimeout) {
        if (!METHOD_NAME.matcher(methodName).matches()) {
            throw DomainException.badRequest("invalid method name '" + methodName + "'");
        }
        byte[] payload = request.isMissingNode() ? new byte[0] : Json.write(request).getBytes(StandardCharsets.UTF_8);
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new DomainException(ErrorCode.PAYLOAD_TOO_LARGE, "method payload exceeds 128 KB");
        }
        return sessions.await(id, Subscription.METHODS, connectionTimeout)
                .exceptionally(e -> {
                    throw new CompletionException(new DomainException(ErrorCode.DEVICE_NOT_CONNECTED,
                            "device '" + id + "' is not connected"));
                })
                .thenCompose(session -> {
                    String rid = Long.toHexString(requestIds.incrementAndGet());
                    CompletableFuture<MethodResponse> answer = new CompletableFuture<>();
                    pending.put(key(id, rid), new Pending(answer));
                    answer.whenComplete((r, e) -> pending.remove(key(id, rid)));
                    session.sendMethodRequest(methodName, rid, payload);
                    return answer.orTimeout(responseTimeout.toMillis(), TimeUnit.MILLISECONDS)
                            .exceptionally(e -> {
                                Throwable cause = e instanceof CompletionException ? e.getCause() : e;
                                if (cause instanceof TimeoutException) {
                                    throw new CompletionException(new DomainException(ErrorCode.GATEWAY_TIMEOUT,
                                            "device '" + id + "' did not answer '" + methodName + "' within "
                                                    + responseTimeout.toSeconds() + " s"));
                                }
                                throw new CompletionException(cause);
                            });
                });
    }

    /** Called by a transport when a device answers {@code $rid}; unknown or late answers are ignored. */
    public boolean onResponse(DeviceId id, String requestId, int status, byte[] payload) {
        Pending waiting = pending.get(key(id, requestId));
        if (waiting == null) {
            return false;
        }
        JsonNode body;
        try {
            body = payload.length == 0 ? NullNode.instance : Json.parse(payload);
        } catch (DomainException e) {
            body = Json.MAPPER.getNodeFactory().textNode(new String(payload, StandardCharsets.UTF_8));
        }
        return waiting.answer().complete(new MethodResponse(status, body));
    }

    private static String key(DeviceId id, String rid) {
        return id.value() + '\u0000' + rid;
    }

    private record Pending(CompletableFuture<MethodResponse> answer) {
    }
}
