package org.opencentral.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.handler.ssl.SslContext;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.opencentral.transport.internal.pipeline.WebSocketMqttAdapter;

/**
 * A raw MQTT 3.1.1 client on Netty's codec, for tests: it sends exactly what a test asks for
 * (including garbage) and records what the server sends back.
 */
final class TestMqttDevice implements AutoCloseable {
    private static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(4, NioIoHandler.newFactory());
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Channel channel;
    private final CompletableFuture<MqttConnAckMessage> connack = new CompletableFuture<>();
    private final Map<Integer, CompletableFuture<MqttMessage>> acks = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final AtomicInteger packetIds = new AtomicInteger();
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final List<Integer> pubacks = new CopyOnWriteArrayList<>();

    /** A PUBLISH the server sent, payload copied. */
    record Received(String topic, MqttQoS qos, int packetId, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private TestMqttDevice(int port, Optional<SslContext> tls, boolean websocket) {
        channel = new Bootstrap().group(GROUP).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        tls.ifPresent(ctx -> p.addLast(ctx.newHandler(ch.alloc(), "127.0.0.1", port)));
                        if (websocket) {
                            p.addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                                    new WebSocketClientProtocolHandler(WebSocketClientProtocolConfig.newBuilder()
                                            .webSocketUri(URI.create("wss://127.0.0.1:" + port
                                                    + "/$iothub/websocket?iothub-no-client-cert=true"))
                                            .subprotocol("mqtt").maxFramePayloadLength(1 << 20).build()),
                                    new WebSocketMqttAdapter());
                        }
                        p.addLast(new MqttDecoder(1 << 20), MqttEncoder.INSTANCE, new Inbound());
                    }
                }).connect("127.0.0.1", port).syncUninterruptibly().channel();
        if (!websocket) {
            ready.complete(null);
        }
        ready.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    static TestMqttDevice plain(int port) {
        return new TestMqttDevice(port, Optional.empty(), false);
    }

    static TestMqttDevice tls(int port, SslContext clientTls) {
        return new TestMqttDevice(port, Optional.of(clientTls), false);
    }

    static TestMqttDevice websocket(int port, SslContext clientTls) {
        return new TestMqttDevice(port, Optional.of(clientTls), true);
    }

    /** Sends CONNECT (MQTT 3.1.1, clean session 0) and waits for the CONNACK code. */
    MqttConnectReturnCode connect(String clientId, String username, String password) {
        return connect(clientId, username, password, MqttVersion.MQTT_3_1_1, 60);
    }

    MqttConnectReturnCode connect(String clientId, String username, String password, MqttVersion version,
            int keepAliveSeconds) {
        channel.writeAndFlush(MqttMessageBuilders.connect().clientId(clientId).username(username)
                .password(password.getBytes(StandardCharsets.UTF_8)).protocolVersion(version)
                .cleanSession(false).keepAlive(keepAliveSeconds).build());
        return connack.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join().variableHeader().connectReturnCode();
    }

    /** Publishes; the future completes on PUBACK (QoS 1) or once written (QoS 0). */
    CompletableFuture<MqttMessage> publish(String topic, byte[] payload, MqttQoS qos) {
        int id = qos == MqttQoS.AT_MOST_ONCE ? 0 : nextId();
        CompletableFuture<MqttMessage> ack = new CompletableFuture<>();
        if (id != 0) {
            acks.put(id, ack);
        }
        channel.writeAndFlush(MqttMessageBuilders.publish().topicName(topic).qos(qos).messageId(id)
                .payload(Unpooled.wrappedBuffer(payload)).build()).addListener(f -> {
                    if (id == 0) {
                        ack.complete(null);
                    }
                });
        return ack;
    }

    CompletableFuture<MqttMessage> publish(String topic, String payload) {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8), MqttQoS.AT_LEAST_ONCE);
    }

    /** Subscribes at QoS 1 and returns the granted codes (0x80 = failure). */
    List<Integer> subscribe(String... filters) {
        int id = nextId();
        CompletableFuture<MqttMessage> ack = new CompletableFuture<>();
        acks.put(id, ack);
        MqttMessageBuilders.SubscribeBuilder builder = MqttMessageBuilders.subscribe().messageId(id);
        for (String filter : filters) {
            builder.addSubscription(MqttQoS.AT_LEAST_ONCE, filter);
        }
        channel.writeAndFlush(builder.build());
        MqttSubAckMessage subAck = (MqttSubAckMessage) ack.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
        return subAck.payload().grantedQoSLevels();
    }

    void puback(Received message) {
        channel.writeAndFlush(MqttMessageBuilders.pubAck().packetId(message.packetId()).build());
    }

    /** Waits for a PUBLISH from the server whose topic matches. */
    Received awaitPublish(Predicate<String> topic) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                Received next = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (next != null && topic.test(next.topic())) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no PUBLISH matching the expected topic within " + WAIT);
    }

    /** The next PUBLISH, if one arrives within {@code wait}. */
    Optional<Received> poll(Duration wait) throws InterruptedException {
        return Optional.ofNullable(inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The packet ids of the PUBACKs received so far, in the order they arrived. */
    List<Integer> pubackIds() {
        return List.copyOf(pubacks);
    }

    void writeRaw(byte[] bytes) {
        channel.writeAndFlush(Unpooled.wrappedBuffer(bytes));
    }

    void write(MqttMessage message) {
        channel.writeAndFlush(message);
    }

    boolean isOpen() {
        return channel.isActive();
    }

    boolean awaitClosed() {
        return channel.closeFuture().awaitUninterruptibly(WAIT.toMillis());
    }

    private int nextId() {
        return packetIds.updateAndGet(i -> i % 65535 + 1);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
    }

    private final class Inbound extends SimpleChannelInboundHandler<Object> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
            if (!(msg instanceof MqttMessage message)) {
                return;
            }
            switch (message.fixedHeader().messageType()) {
                case CONNACK -> connack.complete((MqttConnAckMessage) message);
                case PUBACK, SUBACK, UNSUBACK -> {
                    int id = ((MqttMessageIdVariableHeader) message.variableHeader()).messageId();
                    if (message.fixedHeader().messageType() == MqttMessageType.PUBACK) {
                        pubacks.add(id);
                    }
                    Optional.ofNullable(acks.remove(id)).ifPresent(f -> f.complete(message));
                }
                case PUBLISH -> {
                    MqttPublishMessage publish = (MqttPublishMessage) message;
                    inbox.add(new Received(publish.variableHeader().topicName(), publish.fixedHeader().qosLevel(),
                            publish.variableHeader().packetId(), ByteBufUtil.getBytes(publish.payload())));
                }
                default -> { }
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                ready.complete(null);
            }
            ctx.fireUserEventTriggered(evt);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            IllegalStateException closed = new IllegalStateException("connection closed");
            connack.completeExceptionally(closed);
            ready.completeExceptionally(closed);
            acks.values().forEach(f -> f.completeExceptionally(closed));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
