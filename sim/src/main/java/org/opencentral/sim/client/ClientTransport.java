package org.opencentral.sim.client;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * How the clients do socket I/O: Netty's native epoll where its library loads (Linux x86-64), else the
 * JDK's NIO selector. NIO waits for a timer in whole milliseconds and, once the next timer is less than
 * half a millisecond away, polls without waiting: 10,000 devices each sending on its own schedule put a
 * timer every 0.4 ms on each event loop, so the loops spun between sends (73 {@code epoll_wait} calls
 * per message, 12.6 CPU-s per 100k messages at 10,000 msg/s, see BENCHMARKS.md). Epoll waits on a
 * timerfd to the microsecond (3.4 system calls per message, 7.6 CPU-s).
 */
public enum ClientTransport {
    EPOLL, NIO;

    /** Epoll where it is available; {@code -Dopencentral.sim.nio=true} (in {@code SIM_JAVA_OPTS}) forces NIO. */
    public static ClientTransport best() {
        return !Boolean.getBoolean("opencentral.sim.nio") && Epoll.isAvailable() ? EPOLL : NIO;
    }

    IoHandlerFactory ioHandlers() {
        return switch (this) {
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
        };
    }

    Class<? extends SocketChannel> channel() {
        return switch (this) {
            case EPOLL -> EpollSocketChannel.class;
            case NIO -> NioSocketChannel.class;
        };
    }
}
