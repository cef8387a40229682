package org.opencentral.transport.internal.session;

import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.concurrent.Executor;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.c2d.CloudToDeviceService;
import org.opencentral.platform.session.DeviceSession;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.topic.PropertyBag;
import org.opencentral.transport.internal.topic.PropertyBagCodec;
import org.opencentral.transport.internal.topic.TopicTable;

/**
 * Cloud-to-device messages: QoS 1 PUBLISH on {@code devices/{id}/messages/devicebound/{bag}}; the
 * device's PUBACK removes the message from its durable queue. A message in flight (or just
 * acknowledged) is not sent again. State is confined to the channel's event loop.
 */
final class CloudToDeviceDelivery {
    private static final int RECENT = 256;

    private final DeviceConnection connection;
    private final CloudToDeviceService service;
    private final Executor blocking;
    private final MqttMetrics metrics;
    private final Map<Integer, InFlight> byPacketId = new HashMap<>();
    private final Map<String, Integer> byMessageId = new HashMap<>();
    private final SequencedSet<String> recentlyAcknowledged = new LinkedHashSet<>();
    private int nextPacketId = 1;

    CloudToDeviceDelivery(DeviceConnection connection, CloudToDeviceService service, Executor blocking,
            MqttMetrics metrics) {
        this.connection = connection;
        this.service = service;
        this.blocking = blocking;
        this.metrics = metrics;
    }

    /** Any thread. */
    void send(C2dMessage message) {
        connection.channel().eventLoop().execute(() -> sendNow(message));
    }

    /** Delivers the queue to a session that has just subscribed (blocking read, on a virtual thread). */
    void deliverPending(DeviceSession session) {
        blocking.execute(() -> service.deliverPending(session));
    }

    private void sendNow(C2dMessage message) {
        String id = message.messageId();
        if (!connection.channel().isActive() || byMessageId.containsKey(id) || recentlyAcknowledged.contains(id)) {
            return;
        }
        int packetId = allocatePacketId();
        byPacketId.put(packetId, new InFlight(id, System.nanoTime()));
        byMessageId.put(id, packetId);
        connection.publish(topic(message), message.body(), MqttQoS.AT_LEAST_ONCE, packetId, MessageKind.C2D);
    }

    /** The device's PUBACK. Event loop. */
    void acknowledged(int packetId) {
        InFlight inFlight = byPacketId.remove(packetId);
        if (inFlight == null) {
            metrics.error("puback_unknown_packet");
            return;
        }
        byMessageId.remove(inFlight.messageId());
        recentlyAcknowledged.add(inFlight.messageId());
        if (recentlyAcknowledged.size() > RECENT) {
            recentlyAcknowledged.removeFirst();
        }
        metrics.cloudToDeviceAcknowledged(inFlight.sentAtNanos());
        blocking.execute(() -> service.acknowledged(connection.deviceId(), inFlight.messageId()));
    }

    private String topic(C2dMessage message) {
        PropertyBag bag = new PropertyBag(Optional.empty(), Map.of("messageId", message.messageId(),
                "to", "/devices/" + connection.deviceId().value() + "/messages/devicebound"), message.properties());
        return TopicTable.cloudToDeviceTopic(connection.deviceId(), PropertyBagCodec.encode(bag));
    }

    private int allocatePacketId() {
        while (byPacketId.containsKey(nextPacketId)) {
            nextPacketId = nextPacketId % 65535 + 1;
        }
        int allocated = nextPacketId;
        nextPacketId = nextPacketId % 65535 + 1;
        return allocated;
    }

    private record InFlight(String messageId, long sentAtNanos) {
    }
}
