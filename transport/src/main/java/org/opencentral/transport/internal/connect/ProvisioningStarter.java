package org.opencentral.transport.internal.connect;

import io.netty.channel.ChannelHandlerContext;
import java.util.List;

/** Turns an accepted DPS connection into a provisioning session (on the channel's event loop). */
@FunctionalInterface
public interface ProvisioningStarter {
    /** Answers CONNACK, replaces the connect handler and replays {@code earlyPackets} (now owned by it). */
    void start(ChannelHandlerContext connectContext, ProvisioningConnect request, List<Object> earlyPackets);
}
