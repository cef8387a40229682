package org.opencentral.transport.internal.amqp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.qpid.proton.amqp.Symbol;
import org.apache.qpid.proton.amqp.UnsignedLong;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.transport.AmqpError;
import org.apache.qpid.proton.amqp.transport.ErrorCondition;
import org.apache.qpid.proton.amqp.transport.LinkError;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.Event;
import org.apache.qpid.proton.engine.Link;
import org.apache.qpid.proton.engine.Receiver;
import org.apache.qpid.proton.engine.Sender;
import org.apache.qpid.proton.message.Message;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.pipeline.CloseReason;

/**
 * One AMQP connection's endpoints: sessions and links open as the device asks; a link attaches
 * only to {@value AmqpAddress#CBS} or to the telemetry, cloud-to-device, methods and twin nodes of
 * a device the connection proved over CBS or with its TLS client certificate
 * ({@link ClientCertificates}); others are refused with {@code amqp:unauthorized-access}.
 * Telemetry is accepted and settled only once durable in the event log; a message over the size
 * limit is rejected with {@code amqp:link:message-size-exceeded}. Method responses and twin requests
 * are accepted on arrival and handed to the device's session ({@link AmqpDevices}). When a device's
 * token expires the connection closes. Event loop only.
 */
final class AmqpEndpoint {
    static final int CREDIT = 100;
    static final Symbol UNAUTHORIZED = AmqpError.UNAUTHORIZED_ACCESS;

    interface Factory {
        AmqpEndpoint create(AmqpEngine engine);
    }

    private final TransportContext context;
    private final AmqpEngine engine;
    private final ClaimsBasedSecurity cbs;
    private final DeviceGrants grants;
    private final Map<Link, CloudToDeviceLink> cloudToDevice = new HashMap<>();
    private final AmqpDevices devices;
    private final ClientCertificates certificates;
    private Optional<Sender> cbsReplies = Optional.empty();

    AmqpEndpoint(TransportContext context, AmqpEngine engine) {
        this.context = context;
        this.engine = engine;
        this.grants = new DeviceGrants(engine::tickBy);
        this.cbs = new ClaimsBasedSecurity(context);
        this.devices = new AmqpDevices(context, engine);
        this.certificates = new ClientCertificates(context, engine, grants);
    }

    void handle(Event event) {
        switch (event.getType()) {
            case CONNECTION_REMOTE_OPEN -> {
                event.getConnection().setContainer("opencentral");
                event.getConnection().open();
                engine.tickBy(Instant.now());   // the peer's idle timeout, if any, sets the next tick
            }
            case CONNECTION_REMOTE_CLOSE -> event.getConnection().close();
            case SESSION_REMOTE_OPEN -> event.getSession().open();
            case SESSION_REMOTE_CLOSE -> event.getSession().close();
            case LINK_REMOTE_OPEN -> attach(event.getLink());
            case LINK_REMOTE_CLOSE, LINK_REMOTE_DETACH -> detach(event.getLink());
            case LINK_FLOW -> Optional.ofNullable(cloudToDevice.get(event.getLink())).ifPresent(CloudToDeviceLink::pull);
            case DELIVERY -> delivery(event.getDelivery());
            default -> {
            }
        }
    }

    /** At each tick of the engine: a connection whose device token has expired closes. */
    void tick() {
        if (grants.anyExpired(Instant.now())) {
            engine.close(new ErrorCondition(UNAUTHORIZED, "the SAS token has expired"), CloseReason.REFUSED);
        }
    }

    /** When the engine must tick next for this endpoint: the first expiry of a device's token, if any. */
    Optional<Instant> nextTick() {
        return grants.firstExpiry();
    }

    void ended() {
        cloudToDevice.values().forEach(CloudToDeviceLink::ended);
        cloudToDevice.clear();
        devices.ended();
    }

    private void attach(Link link) {
        boolean fromDevice = link instanceof Receiver;
        String address = fromDevice ? address(link.getRemoteTarget()) : address(link.getRemoteSource());
        link.setSource(link.getRemoteSource());
        link.setTarget(link.getRemoteTarget());
        link.setSenderSettleMode(link.getRemoteSenderSettleMode());
        link.setReceiverSettleMode(link.getRemoteReceiverSettleMode());
        Optional<DeviceId> owner = AmqpAddress.parse(address).flatMap(AmqpAddress::owner);
        if (owner.isPresent() && !grants.holds(owner.get(), Instant.now())
                && certificates.judging(owner.get(), () -> attach(link))) {
            return;
        }
        Optional<String> refusal = refusal(AmqpAddress.parse(address), fromDevice);
        if (refusal.isPresent()) {
            context.metrics().refused("amqp_link");
            if (fromDevice) {
                link.setTarget(null);
            } else {
                link.setSource(null);
            }
            link.open();
            link.setCondition(new ErrorCondition(UNAUTHORIZED, refusal.get() + ": " + address));
            link.close();
            return;
        }
        link.open();
        AmqpAddress node = AmqpAddress.parse(address).orElseThrow();
        node.owner().ifPresent(device -> devices.attached(node, link));
        switch (node) {
            case AmqpAddress.Cbs c when !fromDevice -> cbsReplies = Optional.of((Sender) link);
            case AmqpAddress.CloudToDevice c2dNode -> {
                CloudToDeviceLink c2d = new CloudToDeviceLink(context, c2dNode.device(), (Sender) link, engine);
                cloudToDevice.put(link, c2d);
                devices.cloudToDevice(c2dNode.device(), link, c2d);
                c2d.pull();
            }
            default -> {
                if (fromDevice) {
                    link.setMaxMessageSize(UnsignedLong.valueOf(context.services().ingest().limit().maxBytes()));
                    ((Receiver) link).flow(CREDIT);
                }
            }
        }
    }

    private Optional<String> refusal(Optional<AmqpAddress> node, boolean fromDevice) {
        return switch (node.orElse(null)) {
            case null -> Optional.of("no such node");
            case AmqpAddress.Cbs c -> Optional.empty();
            case AmqpAddress.Telemetry t when !fromDevice -> Optional.of("telemetry is sent, not received");
            case AmqpAddress.CloudToDevice c when fromDevice -> Optional.of("cloud-to-device messages are received");
            case AmqpAddress.Telemetry t -> granted(t.device());
            case AmqpAddress.CloudToDevice c -> granted(c.device());
            case AmqpAddress.Methods m -> granted(m.device());
            case AmqpAddress.Twin t -> granted(t.device());
        };
    }

    private Optional<String> granted(DeviceId device) {
        return grants.holds(device, Instant.now()) ? Optional.empty()
                : Optional.of("no valid put-token on $cbs nor an accepted client certificate for device '" + device + "'");
    }

    private static String address(org.apache.qpid.proton.amqp.transport.Source source) {
        return source instanceof org.apache.qpid.proton.amqp.messaging.Source s ? s.getAddress() : null;
    }

    private static String address(org.apache.qpid.proton.amqp.transport.Target target) {
        return target instanceof org.apache.qpid.proton.amqp.messaging.Target t ? t.getAddress() : null;
    }

    private void detach(Link link) {
        Optional.ofNullable(cloudToDevice.remove(link)).ifPresent(CloudToDeviceLink::ended);
        devices.detached(link);
        if (cbsReplies.filter(link::equals).isPresent()) {
            cbsReplies = Optional.empty();
        }
        link.close();
    }

    private void delivery(Delivery delivery) {
        if (delivery.getLink() instanceof Sender) {
            Optional.ofNullable(cloudToDevice.get(delivery.getLink())).ifPresentOrElse(link -> link.disposed(delivery),
                    () -> {
                        if (delivery.remotelySettled() || delivery.getRemoteState() != null) {
                            delivery.settle();
                        }
                    });
            return;
        }
        Receiver receiver = (Receiver) delivery.getLink();
        int limit = context.services().ingest().limit().maxBytes();
        if (delivery.isPartial()) {
            if (delivery.pending() > 2 * limit + 64 * 1024) {
                context.metrics().error("amqp_message_too_large");
                receiver.setCondition(new ErrorCondition(LinkError.MESSAGE_SIZE_EXCEEDED,
                        "a message is over the limit of " + limit + " bytes"));
                receiver.close();
            }
            return;
        }
        if (!delivery.isReadable()) {
            return;
        }
        byte[] bytes = new byte[delivery.pending()];
        int read = receiver.recv(bytes, 0, bytes.length);
        receiver.advance();
        Message message = Message.Factory.create();
        try {
            message.decode(bytes, 0, read);
        } catch (RuntimeException e) {
            context.metrics().error("amqp_malformed_message");
            reject(delivery, AmqpError.DECODE_ERROR, "the message cannot be decoded");
            receiver.flow(1);
            return;
        }
        String address = address(receiver.getRemoteTarget());
        switch (AmqpAddress.parse(address).orElseThrow()) {
            case AmqpAddress.Cbs c -> putToken(delivery, message);
            case AmqpAddress.Telemetry t -> telemetry(t.device(), delivery, message, limit);
            case AmqpAddress.CloudToDevice c -> reject(delivery, AmqpError.NOT_ALLOWED, "not a device-to-cloud node");
            case AmqpAddress.Methods m -> deviceRequest(delivery, () -> devices.methodResponse(m.device(), message,
                    AmqpMessages.body(message)));
            case AmqpAddress.Twin t -> deviceRequest(delivery, () -> devices.twinRequest(t.device(), message,
                    AmqpMessages.body(message)));
        }
    }

    private void putToken(Delivery delivery, Message request) {
        Receiver receiver = (Receiver) delivery.getLink();
        cbs.judge(request).whenComplete((outcome, error) -> engine.run(() -> {
            ClaimsBasedSecurity.Outcome answer = error == null ? outcome
                    : ClaimsBasedSecurity.Outcome.refused(500, "the token could not be checked");
            answer.device().ifPresent(device -> grants.grant(device, answer.expiry()));
            settle(delivery, Accepted.getInstance());
            receiver.flow(1);
            cbsReplies.ifPresent(sender -> {
                byte[] reply = AmqpMessages.encode(ClaimsBasedSecurity.reply(request, answer));
                sender.delivery(java.util.UUID.randomUUID().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sender.send(reply, 0, reply.length);
                sender.advance();
            });
        }));
    }

    /** A method response or twin request: accepted at once (its answer is a message of its own). */
    private void deviceRequest(Delivery delivery, Runnable handling) {
        Receiver receiver = (Receiver) delivery.getLink();
        settle(delivery, Accepted.getInstance());
        receiver.flow(1);
        handling.run();
    }

    private void telemetry(DeviceId device, Delivery delivery, Message message, int limit) {
        Receiver receiver = (Receiver) delivery.getLink();
        if (!grants.holds(device, Instant.now())) {
            reject(delivery, UNAUTHORIZED, "the SAS token of device '" + device + "' has expired");
            receiver.flow(1);
            return;
        }
        byte[] body = AmqpMessages.body(message);
        if (!context.services().ingest().limit().admits(body.length)) {
            context.metrics().error("amqp_message_too_large");
            reject(delivery, LinkError.MESSAGE_SIZE_EXCEEDED,
                    "a message of " + body.length + " bytes is over the limit of " + limit + " bytes");
            receiver.flow(1);
            return;
        }
        context.metrics().received(MessageKind.TELEMETRY);
        long start = System.nanoTime();
        context.services().ingest().telemetry(device, AmqpMessages.telemetry(message, body))
                .whenComplete((done, error) -> engine.run(() -> {
                    if (error == null) {
                        context.metrics().telemetryAcknowledged(start);
                        settle(delivery, Accepted.getInstance());
                    } else {
                        context.metrics().error("amqp_ingest_failed");
                        reject(delivery, AmqpError.INTERNAL_ERROR, "the message could not be stored; send it again");
                    }
                    receiver.flow(1);
                }));
    }

    private static void reject(Delivery delivery, Symbol condition, String description) {
        Rejected rejected = new Rejected();
        rejected.setError(new ErrorCondition(condition, description));
        settle(delivery, rejected);
    }

    private static void settle(Delivery delivery, org.apache.qpid.proton.amqp.transport.DeliveryState state) {
        delivery.disposition(state);
        delivery.settle();
    }
}
