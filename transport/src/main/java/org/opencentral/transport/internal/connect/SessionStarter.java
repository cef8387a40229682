package org.opencentral.transport.internal.connect;

import io.netty.channel.ChannelHandlerContext;
import java.util.List;
import org.opencentral.core.device.DeviceId;

/** Turns an accepted connection into a device session (on the channel's event loop). */
@FunctionalInterface
public interface SessionStarter {
    /**
     * Registers the session, answers CONNACK, replaces the connect handler and replays the packets
     * the device sent before its CONNACK ({@code earlyPackets}, now owned by the starter).
     */
    void start(ChannelHandlerContext connectContext, DeviceId device, ConnectRequest request, List<Object> earlyPackets);
}
