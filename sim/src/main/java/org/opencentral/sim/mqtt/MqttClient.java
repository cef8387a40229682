package org.opencentral.sim.mqtt;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Opens MQTT connections to one server from a shared event loop group. {@link #connect} completes
 * with the connection after CONNACK, or fails with the reason ({@link ConnectFailure#kindOf}).
 */
public final class MqttClient implements AutoCloseable {
    private static final int MAX_PACKET_BYTES = 1 << 20;

    private final InetSocketAddress server;
    private final Optional<SslContext> tls;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final long connectTimeoutMillis;

    /**
     * @param threads              event loop threads (0: Netty's default, twice the cores)
     * @param connectTimeoutMillis TCP connect + TLS handshake + CONNACK, each bounded by this
     */
    public MqttClient(InetSocketAddress server, Optional<SslContext> tls, int threads, long connectTimeoutMillis) {
        this.server = server;
        this.tls = tls;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
    }

    /** Connects from {@code source} (an address of this machine, port chosen by the kernel). */
    public CompletableFuture<MqttConnection> connect(ConnectSpec spec, Optional<InetAddress> source, ConnectionHandler session) {
        CompletableFuture<MqttConnection> connected = new CompletableFuture<>();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                configure(ch, spec, session, connected);
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
            if (connected.completeExceptionally(new TimeoutException("no CONNACK within " + connectTimeoutMillis + " ms"))) {
                channel.close();
            }
        }, 3 * connectTimeoutMillis, TimeUnit.MILLISECONDS);
        return connected;
    }

    private void configure(Channel ch, ConnectSpec spec, ConnectionHandler session, CompletableFuture<MqttConnection> connected) {
        ChannelPipeline pipeline = ch.pipeline();
        tls.ifPresent(context -> {
            // no peer host and port: no client session cache, so every connection is a full handshake,
            // as from as many devices (with them, later connections resumed the sessions of earlier ones)
            SslHandler ssl = context.newHandler(ch.alloc());
            ssl.setHandshakeTimeoutMillis(connectTimeoutMillis);
            pipeline.addLast("tls", ssl);
        });
        pipeline.addLast("decoder", new MqttDecoder(MAX_PACKET_BYTES));
        pipeline.addLast("encoder", MqttEncoder.INSTANCE);
        if (spec.keepAliveSeconds() > 0) {
            pipeline.addLast("keepalive", new IdleStateHandler(0, Math.max(1, spec.keepAliveSeconds() / 2), 0));
        }
        pipeline.addLast("client", new ClientHandler(spec, session, connected));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
