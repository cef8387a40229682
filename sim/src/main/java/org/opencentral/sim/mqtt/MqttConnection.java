package org.opencentral.sim.mqtt;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.opencentral.sim.client.Connection;

/**
 * One established MQTT connection: a {@link Connection} that also subscribes. Call from the
 * connection's {@link #eventLoop()}.
 */
public final class MqttConnection implements Connection {
    /** Packet id reserved for SUBSCRIBE; publishes use 1…65534. */
    public static final int SUBSCRIBE_PACKET_ID = 65_535;

    private final Channel channel;
    private final SubscribeTracker subscriptions;
    private volatile boolean closing;

    MqttConnection(Channel channel, SubscribeTracker subscriptions) {
        this.channel = channel;
        this.subscriptions = subscriptions;
    }

    @Override
    public EventLoop eventLoop() {
        return channel.eventLoop();
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    @Override
    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Writes a PUBLISH (not flushed); {@code packetId} is ignored for QoS 0. Takes ownership of {@code payload}. */
    @Override
    public void publish(String topic, ByteBuf payload, MqttQoS qos, int packetId) {
        var builder = MqttMessageBuilders.publish().topicName(topic).qos(qos).retained(false).payload(payload);
        if (qos != MqttQoS.AT_MOST_ONCE) {
            builder.messageId(packetId);
        }
        channel.write(builder.build(), channel.voidPromise());
    }

    @Override
    public boolean isClosing() {
        return closing;
    }

    @Override
    public void flush() {
        channel.flush();
    }

    /** Subscribes to {@code filters} at QoS 0; completes on SUBACK. One subscription request at a time. */
    public CompletableFuture<Void> subscribe(List<String> filters) {
        var builder = MqttMessageBuilders.subscribe().messageId(SUBSCRIBE_PACKET_ID);
        filters.forEach(filter -> builder.addSubscription(MqttQoS.AT_MOST_ONCE, filter));
        CompletableFuture<Void> done = subscriptions.expect();
        channel.writeAndFlush(builder.build()).addListener(f -> {
            if (!f.isSuccess()) {
                done.completeExceptionally(f.cause());
            }
        });
        return done;
    }

    /** Sends DISCONNECT and closes. */
    @Override
    public void close() {
        closing = true;
        if (channel.isActive()) {
            channel.writeAndFlush(MqttPackets.DISCONNECT).addListener(f -> channel.close());
        }
    }
}
