package org.opencentral.transport.internal.pipeline;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * How the device listeners do socket I/O: Netty's native epoll transport where its library loads
 * (Linux x86-64), else the JDK's NIO selector. Native epoll reads and writes straight from the
 * buffers' memory (NIO slices a {@code DirectByteBuffer} per read and write and takes the channel's
 * locks), and its edge-triggered wake-ups cost less per connection: with 10,000 connections each
 * sending one message at a time, that is most of the event loops' work per message.
 */
public enum SocketTransport {
    EPOLL, NIO;

    /** Epoll where it is available; {@code -Dopencentral.transport.nio=true} forces NIO. */
    public static SocketTransport best() {
        return !Boolean.getBoolean("opencentral.transport.nio") && Epoll.isAvailable() ? EPOLL : NIO;
    }

    public IoHandlerFactory ioHandlers() {
        return switch (this) {
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    public Class<? extends ServerChannel> serverChannel() {
        return switch (this) {
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
        };
    }
}
