package org.opencentral.transport.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place connections are closed and logged. Whoever decides to close records the reason
 * first (the first reason wins); the close listener registered by {@link #track} logs the outcome
 * once and counts it. Thread-safe.
 */
public final class Disconnects {
    private static final Logger LOG = LoggerFactory.getLogger("org.opencentral.transport.connections");
    private static final AttributeKey<Disconnect> REASON = AttributeKey.valueOf("opencentral.disconnect");
    private static final AttributeKey<DeviceId> DEVICE = AttributeKey.valueOf("opencentral.device");

    private final MqttMetrics metrics;

    public Disconnects(MqttMetrics metrics) {
        this.metrics = metrics;
    }

    /** Registers the close listener of a new channel. */
    public void track(Channel channel) {
        channel.closeFuture().addListener(f -> closed(channel));
    }

    /** Closes {@code channel} for {@code reason} (ignored if another reason was recorded first). */
    public static void close(Channel channel, CloseReason reason, String detail) {
        record(channel, reason, detail);
        channel.close();
    }

    /** Closes {@code channel} once {@code write} (e.g. a refusing CONNACK) has been flushed. */
    public static void closeAfter(ChannelFuture write, CloseReason reason, String detail) {
        record(write.channel(), reason, detail);
        write.addListener(f -> write.channel().close());
    }

    /** Records a reason without closing yet; true if it is the first one. */
    public static boolean record(Channel channel, CloseReason reason, String detail) {
        return channel.attr(REASON).setIfAbsent(new Disconnect(reason, detail)) == null;
    }

    /** The recorded reason, or {@link CloseReason#CONNECTION_LOST} when the peer went away. */
    public static Disconnect reasonOf(Channel channel) {
        Disconnect recorded = channel.attr(REASON).get();
        return recorded != null ? recorded : new Disconnect(CloseReason.CONNECTION_LOST, "");
    }

    /** Names the device on this channel, for the log. */
    public static void identify(Channel channel, DeviceId device) {
        channel.attr(DEVICE).set(device);
    }

    public static Optional<DeviceId> deviceOf(Channel channel) {
        return Optional.ofNullable(channel.attr(DEVICE).get());
    }

    private void closed(Channel channel) {
        Disconnect disconnect = reasonOf(channel);
        metrics.disconnected(disconnect.reason().tag());
        LOG.atLevel(disconnect.reason().level())
                .log("MQTT connection closed: device={} remote={} reason={} detail={}",
                        deviceOf(channel).map(DeviceId::value).orElse("-"), channel.remoteAddress(),
                        disconnect.reason().label(), disconnect.detail());
    }
}
