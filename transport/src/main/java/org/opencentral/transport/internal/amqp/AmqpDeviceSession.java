package org.opencentral.transport.internal.amqp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.messaging.ApplicationProperties;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.MessageAnnotations;
import org.apache.qpid.proton.amqp.messaging.Properties;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.session.DeviceSession;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.pipeline.CloseReason;

/**
 * One device of an AMQP connection as the platform sees it, registered once the device's first link
 * attaches. Direct method requests go out on its {@code /devices/{id}/methods/devicebound} link
 * (correlation id a UUID, the method name in {@code IoThub-methodname}) and come back on the paired
 * link with the same correlation id and {@code IoThub-status}; twin answers and, once the device
 * sent the {@code PUT} of {@code /notifications/twin/properties/desired}, desired patches go out on
 * its {@code /devices/{id}/twin} link. A cloud-to-device message queued while the device's
 * {@code deviceBound} link is attached wakes that link, which receives it under a lock
 * ({@link CloudToDeviceLink}). Callable from any thread; the
 * links are touched on the event loop only.
 */
final class AmqpDeviceSession implements DeviceSession {
    static final String METHOD_NAME = "IoThub-methodname";
    static final String METHOD_STATUS = "IoThub-status";
    static final Symbol STATUS = Symbol.valueOf("status");
    static final Symbol VERSION = Symbol.valueOf("version");
    static final Symbol FORCED = Symbol.valueOf("amqp:connection:forced");

    private final TransportContext context;
    private final AmqpEngine engine;
    private final DeviceId device;
    /** Correlation id of a method request on the wire to the command service's request id. */
    private final Map<String, String> pendingMethods = new ConcurrentHashMap<>();
    private volatile Optional<Sender> methodRequests = Optional.empty();
    private volatile Optional<Sender> twinAnswers = Optional.empty();
    private volatile boolean desiredSubscribed;
    private volatile Optional<CloudToDeviceLink> cloudToDevice = Optional.empty();
    private long tags;

    AmqpDeviceSession(TransportContext context, AmqpEngine engine, DeviceId device) {
        this.context = context;
        this.engine = engine;
        this.device = device;
    }

    @Override
    public DeviceId deviceId() {
        return device;
    }

    @Override
    public boolean isSubscribed(Subscription subscription) {
        return switch (subscription) {
            case METHODS -> methodRequests.isPresent();
            case DESIRED_PROPERTIES -> desiredSubscribed && twinAnswers.isPresent();
            case TWIN_RESPONSES -> twinAnswers.isPresent();
            case CLOUD_TO_DEVICE -> cloudToDevice.isPresent();
        };
    }

    /** The device attached (or detached, empty) the link that receives method requests. Event loop. */
    void methodRequests(Optional<Sender> link) {
        methodRequests = link;
        subscriptionsChanged();
    }

    /** The device attached (or detached, empty) its cloud-to-device link. Event loop. */
    void cloudToDevice(Optional<CloudToDeviceLink> link) {
        cloudToDevice = link;
        subscriptionsChanged();
    }

    /** The device attached (or detached, empty) the link that receives twin answers. Event loop. */
    void twinAnswers(Optional<Sender> link) {
        twinAnswers = link;
        if (link.isEmpty()) {
            desiredSubscribed = false;
        }
        subscriptionsChanged();
    }

    /** The device asked for desired patches ({@code PUT}) or stopped them ({@code DELETE}). */
    void desiredPatches(boolean subscribed) {
        desiredSubscribed = subscribed;
        subscriptionsChanged();
    }

    private void subscriptionsChanged() {
        context.blocking().execute(() -> context.services().sessions().subscribed(device));
    }

    @Override
    public void sendDesiredPatch(ObjectNode patch, long version) {
        Message message = message(Optional.empty(), Json.write(patch).getBytes(StandardCharsets.UTF_8));
        message.setMessageAnnotations(new MessageAnnotations(new HashMap<>(Map.of(VERSION, version))));
        engine.run(() -> twinAnswers.ifPresent(link -> send(link, message, MessageKind.DESIRED_PATCH)));
    }

    /** Answers a twin request with IoT Hub's {@code status} (and {@code version}) annotations. */
    void answerTwin(Object correlationId, int status, Optional<Long> version, byte[] body) {
        Message message = message(Optional.ofNullable(correlationId), body);
        Map<Symbol, Object> annotations = new HashMap<>();
        annotations.put(STATUS, status);
        version.ifPresent(v -> annotations.put(VERSION, v));
        message.setMessageAnnotations(new MessageAnnotations(annotations));
        engine.run(() -> twinAnswers.ifPresent(link -> send(link, message, MessageKind.TWIN_RESPONSE)));
    }

    @Override
    public void sendMethodRequest(String methodName, String requestId, byte[] payload) {
        UUID correlation = UUID.randomUUID();
        pendingMethods.put(correlation.toString(), requestId);
        Message message = message(Optional.of(correlation), payload);
        message.setApplicationProperties(new ApplicationProperties(new HashMap<>(Map.of(METHOD_NAME, methodName))));
        engine.run(() -> methodRequests.ifPresentOrElse(link -> send(link, message, MessageKind.METHOD_REQUEST),
                () -> pendingMethods.remove(correlation.toString())));
    }

    /** The device's answer to a method request; the command service is told off the event loop. */
    void methodResponse(Message response, byte[] body) {
        context.metrics().received(MessageKind.METHOD_RESPONSE);
        String requestId = pendingMethods.remove(String.valueOf(response.getCorrelationId()));
        Map<String, Object> properties = response.getApplicationProperties() == null ? Map.of()
                : response.getApplicationProperties().getValue();
        if (requestId == null || !(properties.get(METHOD_STATUS) instanceof Number status)) {
            context.metrics().error("method_response_unmatched");
            return;
        }
        context.blocking().execute(() -> {
            if (!context.services().commands().onResponse(device, requestId, status.intValue(), body)) {
                context.metrics().error("method_response_unmatched");
            }
        });
    }

    @Override
    public void sendCloudToDevice(C2dMessage message) {
        cloudToDevice.ifPresent(link -> engine.run(link::pull)); // queued already: the link receives it under a lock
    }

    @Override
    public void close(String reason) {
        engine.run(() -> engine.close(new ErrorCondition(FORCED, reason), CloseReason.PLATFORM));
    }

    private static Message message(Optional<Object> correlationId, byte[] body) {
        Message message = Message.Factory.create();
        Properties properties = new Properties();
        properties.setMessageId(UUID.randomUUID().toString());
        correlationId.ifPresent(properties::setCorrelationId);
        message.setProperties(properties);
        message.setBody(new Data(new Binary(body)));
        return message;
    }

    /** Sends unsettled; the endpoint settles the delivery when the device disposes of it. */
    private void send(Sender link, Message message, MessageKind kind) {
        if (link.getLocalState() != EndpointState.ACTIVE) {
            return;
        }
        byte[] encoded = AmqpMessages.encode(message);
        link.delivery(Long.toString(tags++).getBytes(StandardCharsets.UTF_8));
        link.send(encoded, 0, encoded.length);
        link.advance();
        context.metrics().sent(kind);
    }

    @Override
    public String toString() {
        return "AmqpDeviceSession[" + device + "]";
    }
}
