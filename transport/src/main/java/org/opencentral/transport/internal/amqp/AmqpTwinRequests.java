package org.opencentral.transport.internal.amqp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.message.Message;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.Json;
import org.opencentral.transport.internal.SerialExecutor;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.session.TwinFailure;

/**
 * Requests on a device's {@code /devices/{id}/twin} link, named by the {@code operation} (and
 * {@code resource}) message annotations: {@code GET} answers the twin (status 200), {@code PATCH}
 * of {@code /properties/reported} applies the patch (status 204 with the new {@code version}),
 * {@code PUT}/{@code DELETE} of {@code /notifications/twin/properties/desired} start and stop the
 * desired patches (status 200). Answers carry the request's correlation id; failures carry IoT
 * Hub's error body. They run in order per device on a serial lane of virtual threads.
 */
final class AmqpTwinRequests {
    static final Symbol OPERATION = Symbol.valueOf("operation");
    static final Symbol RESOURCE = Symbol.valueOf("resource");
    static final String REPORTED = "/properties/reported";
    static final String DESIRED_NOTIFICATIONS = "/notifications/twin/properties/desired";
    private static final byte[] EMPTY = new byte[0];

    private final TransportContext context;
    private final AmqpDeviceSession session;
    private final Executor lane;

    AmqpTwinRequests(TransportContext context, AmqpDeviceSession session) {
        this.context = context;
        this.session = session;
        this.lane = new SerialExecutor(context.blocking());
    }

    /** Handles one request; the answer goes out on the device's twin link. Event loop. */
    void request(Message request, byte[] body) {
        Map<Symbol, Object> annotations = request.getMessageAnnotations() == null ? Map.of()
                : request.getMessageAnnotations().getValue();
        String operation = String.valueOf(annotations.get(OPERATION));
        String resource = String.valueOf(annotations.get(RESOURCE));
        Object correlation = request.getCorrelationId();
        switch (operation.equals("GET") ? operation : operation + " " + resource) {
            case "GET" -> {
                context.metrics().received(MessageKind.TWIN_GET);
                answer(correlation, () -> new Answer(200, Optional.empty(),
                        Json.write(context.services().twins().get(session.deviceId()).toWire())
                                .getBytes(StandardCharsets.UTF_8)));
            }
            case "PATCH " + REPORTED -> {
                context.metrics().received(MessageKind.TWIN_PATCH);
                answer(correlation, () -> {
                    ObjectNode patch = Json.parseObject(new String(body, StandardCharsets.UTF_8));
                    return new Answer(204, Optional.of(context.services().twins().patchReported(session.deviceId(), patch)),
                            EMPTY);
                });
            }
            case "PUT " + DESIRED_NOTIFICATIONS, "DELETE " + DESIRED_NOTIFICATIONS -> {
                session.desiredPatches(operation.equals("PUT"));
                session.answerTwin(correlation, 200, Optional.empty(), EMPTY);
            }
            default -> answer(correlation, () -> {
                throw new DomainException(ErrorCode.BAD_REQUEST, "unknown twin operation '" + operation
                        + "' on '" + resource + "': expected GET, PATCH of " + REPORTED + ", PUT or DELETE of "
                        + DESIRED_NOTIFICATIONS);
            });
        }
    }

    private void answer(Object correlation, Supplier<Answer> work) {
        lane.execute(() -> {
            Answer answer;
            try {
                answer = work.get();
            } catch (RuntimeException e) {
                TwinFailure failure = TwinFailure.of(e, session.deviceId(), context.metrics());
                answer = new Answer(failure.status(), Optional.empty(), failure.body());
            }
            session.answerTwin(correlation, answer.status(), answer.version(), answer.body());
        });
    }

    private record Answer(int status, Optional<Long> version, byte[] body) {
    }
}
