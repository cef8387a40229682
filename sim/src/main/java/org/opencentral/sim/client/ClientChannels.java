package org.opencentral.sim.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * The sockets of one protocol's client: a shared event loop group ({@link ClientTransport#best()}), TCP
 * to one server (TLS first in the pipeline when configured), each connection bounded in time. A
 * protocol adds its handlers and completes the connection's future once the server accepted it.
 */
public final class ClientChannels implements AutoCloseable {
    private final InetSocketAddress server;
    private final Optional<SslContext> tls;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final long connectTimeoutMillis;

    /**
     * @param threads              event loop threads; 0: one per core, not Netty's two: an open loop wakes
     *                             an event loop for nearly every send and acknowledgement, and half as many
     *                             loops find more to do per wake-up (a third fewer context switches,
     *                             6.8 against 7.6 CPU-s per 100k messages at 10,000 msg/s)
     * @param connectTimeoutMillis TCP connect and TLS handshake each bounded by this, the whole
     *                             connection (until the protocol completes it) by three times this
     */
    public ClientChannels(InetSocketAddress server, Optional<SslContext> tls, int threads, long connectTimeoutMillis) {
        this.server = server;
        this.tls = tls;
        this.connectTimeoutMillis = connectTimeoutMillis;
        ClientTransport transport = ClientTransport.best();
        this.group = new MultiThreadIoEventLoopGroup(threads > 0 ? threads : Runtime.getRuntime().availableProcessors(),
                transport.ioHandlers());
        this.bootstrap = new Bootstrap().group(group).channel(transport.channel())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
    }

    /**
     * Opens a connection from {@code source}; {@code protocol} adds its handlers after TLS and
     * completes the future once the server accepted the connection. Fails the future when TCP fails
     * or nothing completes it in time (and then closes the channel).
     */
    public <C> CompletableFuture<C> open(Optional<InetAddress> source,
                                         BiConsumer<ChannelPipeline, CompletableFuture<C>> protocol) {
        CompletableFuture<C> connected = new CompletableFuture<>();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                tls.ifPresent(context -> {
                    // no peer host and port: no client session cache, so every connection is a full handshake,
                    // as from as many devices (with them, later connections resumed the sessions of earlier ones)
                    SslHandler ssl = context.newHandler(ch.alloc());
                    ssl.setHandshakeTimeoutMillis(connectTimeoutMillis);
                    ch.pipeline().addLast("tls", ssl);
                });
                protocol.accept(ch.pipeline(), connected);
            }
        });
        ChannelFuture future = source.isPresent()
                ? b.connect(server, new InetSocketAddress(source.get(), 0)) : b.connect(server);
        Channel channel = future.channel();
        future.addListener(f -> {
            if (!f.isSuccess()) {
                connected.completeExceptionally(f.cause());
            }
        });
        channel.eventLoop().schedule(() -> {
            if (connected.completeExceptionally(new TimeoutException("not accepted within " + 3 * connectTimeoutMillis
                    + " ms"))) {
                channel.close();
            }
        }, 3 * connectTimeoutMillis, TimeUnit.MILLISECONDS);
        return connected;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
