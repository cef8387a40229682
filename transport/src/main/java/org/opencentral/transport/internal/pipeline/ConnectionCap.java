package org.opencentral.transport.internal.pipeline;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;

/**
 * The server-wide connection limit: a connection accepted while {@code max} connections are open
 * is closed at once (logged and counted as {@link CloseReason#CONNECTION_LIMIT}); the others get the
 * device pipeline.
 */
@Sharable
public final class ConnectionCap extends ChannelInitializer<SocketChannel> {
    private final ChannelGroup open;
    private final int max;
    private final Disconnects disconnects;
    private final ChannelHandler pipeline;

    public ConnectionCap(ChannelGroup open, int max, Disconnects disconnects, ChannelHandler pipeline) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.open = open;
        this.max = max;
        this.disconnects = disconnects;
        this.pipeline = pipeline;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        if (open.size() >= max) {
            disconnects.track(channel);
            Disconnects.close(channel, CloseReason.CONNECTION_LIMIT, max + " connections are open");
            return;
        }
        channel.pipeline().addLast(pipeline);
    }
}
