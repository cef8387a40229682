package org.opencentral.transport.internal.amqp;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.pipeline.Disconnects;

/**
 * The devices one AMQP connection serves, each a session in the platform's registry from the
 * attach of its first link (a connection of the same device elsewhere is closed, as IoT Hub allows
 * one) until the connection ends; the connection listener hears of both, with the model id the
 * first link announces ({@code com.microsoft:model-id}, as the SDKs put it on their sender links).
 * Event loop only.
 */
final class AmqpDevices {
    static final Symbol MODEL_ID = Symbol.valueOf("com.microsoft:model-id");

    private final TransportContext context;
    private final AmqpEngine engine;
    private final Map<DeviceId, AmqpDeviceSession> sessions = new HashMap<>();
    private final Map<DeviceId, AmqpTwinRequests> twins = new HashMap<>();
    private final Map<Link, Runnable> detaches = new HashMap<>();

    AmqpDevices(TransportContext context, AmqpEngine engine) {
        this.context = context;
        this.engine = engine;
    }

    /** A link of {@code node}'s device attached (the device holds a grant for it). */
    void attached(AmqpAddress node, Link link) {
        DeviceId device = node.owner().orElseThrow();
        AmqpDeviceSession session = session(device, link);
        switch (node) {
            case AmqpAddress.Methods m when link instanceof Sender sender -> {
                session.methodRequests(Optional.of(sender));
                detaches.put(link, () -> session.methodRequests(Optional.empty()));
            }
            case AmqpAddress.Twin t when link instanceof Sender sender -> {
                session.twinAnswers(Optional.of(sender));
                detaches.put(link, () -> session.twinAnswers(Optional.empty()));
            }
            default -> {
            }
        }
    }

    /** The device attached its cloud-to-device link: messages queued from now on wake it. */
    void cloudToDevice(DeviceId device, Link link, CloudToDeviceLink c2d) {
        AmqpDeviceSession session = session(device, link);
        session.cloudToDevice(Optional.of(c2d));
        detaches.put(link, () -> session.cloudToDevice(Optional.empty()));
    }

    void detached(Link link) {
        Optional.ofNullable(detaches.remove(link)).ifPresent(Runnable::run);
    }

    /** A message the device sent on its methods link: the answer to a method request. */
    void methodResponse(DeviceId device, Message message, byte[] body) {
        Optional.ofNullable(sessions.get(device)).ifPresent(session -> session.methodResponse(message, body));
    }

    /** A message the device sent on its twin link: a twin request. */
    void twinRequest(DeviceId device, Message message, byte[] body) {
        Optional.ofNullable(twins.get(device)).ifPresent(twin -> twin.request(message, body));
    }

    /** The connection ended: every device's session leaves the registry. */
    void ended() {
        String reason = Disconnects.reasonOf(engine.channel()).listenerText();
        sessions.values().forEach(session -> {
            context.services().sessions().unregister(session);
            context.connectionEvents().disconnected(session.deviceId(), reason);
        });
        sessions.clear();
        twins.clear();
        detaches.clear();
    }

    private AmqpDeviceSession session(DeviceId device, Link link) {
        AmqpDeviceSession known = sessions.get(device);
        if (known != null) {
            return known;
        }
        AmqpDeviceSession session = new AmqpDeviceSession(context, engine, device);
        sessions.put(device, session);
        twins.put(device, new AmqpTwinRequests(context, session));
        Optional<String> modelId = Optional.ofNullable(link.getRemoteProperties())
                .map(properties -> properties.get(MODEL_ID)).map(Object::toString).filter(id -> !id.isBlank());
        context.services().sessions().register(session).ifPresent(old -> old.close("replaced by a new connection"));
        context.connectionEvents().connected(device, modelId);
        return session;
    }
}
