package org.opencentral.transport.internal.session;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.opencentral.core.device.DeviceId;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.opencentral.transport.internal.pipeline.MqttPipeline;

/**
 * One device's channel: its subscriptions, thread-safe writes and the single end-of-connection
 * step (run once, whether the platform, the device or the network ends it).
 */
public final class DeviceConnection {
    /** An encoded PUBACK: fixed header, remaining length, packet identifier. */
    private static final int PUBACK_BYTES = 4;

    private final Channel channel;
    /** Writes the encoded PUBACKs, past the handlers that leave bytes as they are. */
    private final ChannelHandlerContext encodedWrites;
    private final DeviceId deviceId;
    private final MqttMetrics metrics;
    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();
    /** Packet ids of durable messages whose PUBACKs are not yet flushed (event loop only). */
    private int[] pendingIds = new int[1];
    private int pendingAcks;
    private Runnable onEnd = () -> { };
    private boolean ended;

    public DeviceConnection(Channel channel, DeviceId deviceId, MqttMetrics metrics) {
        this.channel = channel;
        this.encodedWrites = MqttPipeline.encodedWrites(channel.pipeline());
        this.deviceId = deviceId;
        this.metrics = metrics;
    }

    public DeviceId deviceId() {
        return deviceId;
    }

    public Channel channel() {
        return channel;
    }

    public boolean isSubscribed(Subscription subscription) {
        return subscriptions.contains(subscription);
    }

    void subscribe(Subscription subscription) {
        subscriptions.add(subscription);
    }

    void unsubscribe(Subscription subscription) {
        subscriptions.remove(subscription);
    }

    /** Publishes to the device; callable from any thread. */
    public void publish(String topic, byte[] payload, MqttQoS qos, int packetId, MessageKind kind) {
        MqttMessage publish = MqttMessageBuilders.publish().topicName(topic).qos(qos).retained(false)
                .messageId(packetId).payload(Unpooled.wrappedBuffer(payload)).build();
        channel.writeAndFlush(publish, channel.voidPromise());
        metrics.sent(kind);
    }

    public void puback(int packetId) {
        channel.writeAndFlush(MqttMessageBuilders.pubAck().packetId(packetId).build(), channel.voidPromise());
    }

    /**
     * Adds the PUBACK of a message whose append became durable to this connection's pending
     * acknowledgements; event loop only. They leave in one buffer with a single flush at
     * {@link #flushAcks} (one TLS record, one syscall), in the order they were added. Returns true
     * when this is the first since the last flush, i.e. when the caller must see to that flush.
     */
    boolean queueAck(int packetId) {
        if (pendingAcks == pendingIds.length) {
            pendingIds = Arrays.copyOf(pendingIds, pendingIds.length * 2);
        }
        pendingIds[pendingAcks++] = packetId;
        return pendingAcks == 1;
    }

    /** The bytes the PUBACKs {@link #queueAck} gathered take. */
    int pendingAckBytes() {
        return pendingAcks * PUBACK_BYTES;
    }

    /**
     * Encodes the gathered PUBACKs at the end of {@code shared} and writes and flushes them as a
     * slice of it: the PUBACKs of a whole batch of connections share one buffer. Event loop only.
     */
    void flushAcks(ByteBuf shared) {
        if (pendingAcks == 0) {
            return;
        }
        int start = shared.writerIndex();
        for (int i = 0; i < pendingAcks; i++) {
            // MQTT 3.1.1 §3.4: fixed header 0x40, remaining length 2, packet identifier
            shared.writeByte(0x40).writeByte(2).writeShort(pendingIds[i]);
        }
        pendingAcks = 0;
        encodedWrites.writeAndFlush(shared.retainedSlice(start, shared.writerIndex() - start),
                encodedWrites.voidPromise());
    }

    /** The same in a buffer of its own (PUBACKs released alone, after traffic shaping held them). */
    void flushAcks() {
        if (pendingAcks > 0) {
            ByteBuf acks = channel.alloc().buffer(pendingAckBytes());
            try {
                flushAcks(acks);
            } finally {
                acks.release();
            }
        }
    }

    public void write(MqttMessage message) {
        channel.writeAndFlush(message, channel.voidPromise());
    }

    /** Closes the connection for {@code reason}; the end-of-connection step runs before this returns. */
    public void close(CloseReason reason, String detail) {
        Disconnects.record(channel, reason, detail);
        end();
        channel.close();
    }

    void onEnd(Runnable action) {
        this.onEnd = action;
    }

    /** Runs the end-of-connection step once (synchronized: a racing caller returns after it ran). */
    synchronized void end() {
        if (!ended) {
            ended = true;
            onEnd.run();
        }
    }
}
