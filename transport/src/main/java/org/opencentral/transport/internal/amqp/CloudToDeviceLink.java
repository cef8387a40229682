package org.opencentral.transport.internal.amqp;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.qpid.proton.amqp.messaging.Accepted;
import org.apache.qpid.proton.amqp.messaging.Rejected;
import org.apache.qpid.proton.amqp.transport.DeliveryState;
import org.apache.qpid.proton.engine.Delivery;
import org.apache.qpid.proton.engine.EndpointState;
import org.apache.qpid.proton.engine.Sender;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.c2d.CloudToDeviceService.LockedMessage;
import org.opencentral.platform.c2d.CloudToDeviceService.Settlement;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.metrics.MessageKind;

/**
 * A device's {@code /devices/{id}/messages/deviceBound} link: while the device gives credit, the
 * next queued message is received under a lock and sent with the lock token as delivery tag. The
 * link receives when it attaches, when the device gives credit, and when the platform queues a
 * message for the device ({@link AmqpDeviceSession#sendCloudToDevice}); an empty queue is looked at
 * again only after {@link #RECHECK} (a lock that expired, a message abandoned over HTTPS), once per
 * link, not per event. The device's disposition settles a message: accepted
 * completes, rejected rejects, released or modified abandons. Unsettled messages are abandoned when
 * the link ends. Event loop only, except the platform calls.
 */
final class CloudToDeviceLink {
    static final Duration LOCK = Duration.ofSeconds(60);
    static final Duration RECHECK = LOCK;

    private final TransportContext context;
    private final DeviceId device;
    private final Sender sender;
    private final AmqpEngine engine;
    private final Map<String, Delivery> unsettled = new HashMap<>();
    private boolean receiving;
    /** Asked to receive while a receive was under way: receive again when it ends. */
    private boolean again;
    private boolean recheckScheduled;

    CloudToDeviceLink(TransportContext context, DeviceId device, Sender sender, AmqpEngine engine) {
        this.context = context;
        this.device = device;
        this.sender = sender;
        this.engine = engine;
    }

    /** Receives the next message if the device has credit and no receive is under way. */
    void pull() {
        if (receiving) {
            again = true;
            return;
        }
        if (sender.getCredit() <= 0 || sender.getLocalState() != EndpointState.ACTIVE) {
            return;
        }
        receiving = true;
        again = false;
        CompletableFuture.supplyAsync(() -> context.services().cloudToDevice().receive(device, LOCK),
                context.blocking()).whenComplete((locked, error) -> engine.run(() -> received(locked)));
    }

    private void received(Optional<LockedMessage> locked) {
        receiving = false;
        if (sender.getLocalState() != EndpointState.ACTIVE) {
            locked.ifPresent(message -> settle(message.lockToken(), Settlement.ABANDON));
            return;
        }
        if (locked == null || locked.isEmpty()) {
            if (again) {
                pull();
            } else if (!recheckScheduled) {
                recheckScheduled = true;
                engine.schedule(() -> {
                    recheckScheduled = false;
                    pull();
                }, RECHECK.toMillis(), TimeUnit.MILLISECONDS);
            }
            return;
        }
        String token = locked.get().lockToken();
        Delivery delivery = sender.delivery(token.getBytes(StandardCharsets.UTF_8));
        byte[] encoded = AmqpMessages.encode(AmqpMessages.cloudToDevice(locked.get().message()));
        sender.send(encoded, 0, encoded.length);
        sender.advance();
        unsettled.put(token, delivery);
        context.metrics().sent(MessageKind.C2D);
        pull();
    }

    /** The device's disposition of a message this link sent. */
    void disposed(Delivery delivery) {
        DeliveryState state = delivery.getRemoteState();
        if (state == null && !delivery.remotelySettled()) {
            return;
        }
        String token = new String(delivery.getTag(), StandardCharsets.UTF_8);
        unsettled.remove(token);
        delivery.settle();
        settle(token, switch (state) {
            case Accepted accepted -> Settlement.COMPLETE;
            case Rejected rejected -> Settlement.REJECT;
            case null, default -> Settlement.ABANDON;
        });
    }

    /** The link or the connection ended: what the device has not settled becomes receivable again. */
    void ended() {
        unsettled.keySet().forEach(token -> settle(token, Settlement.ABANDON));
        unsettled.clear();
    }

    private void settle(String token, Settlement settlement) {
        CloudToDeviceService service = context.services().cloudToDevice();
        context.blocking().execute(() -> context.metrics().cloudToDeviceSettled(
                settlement.name().toLowerCase(java.util.Locale.ROOT), service.settle(device, token, settlement)));
    }
}
