package org.opencentral.transport.internal.pipeline;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.opencentral.platform.ingest.MessageSizeLimit;
import org.opencentral.transport.internal.https.HttpsTail;

/**
 * The one place the pipeline is assembled and its handlers named. A connection starts as
 * <pre>
 *   [tls] → [web → http → http-aggregator → dps-https → device-https → websocket → websocket-mqtt] → mqtt-decoder → mqtt-encoder → connect → exceptions
 * </pre>
 * (brackets: TLS listeners; WebSocket listener, {@code web} when it also serves the web UI and REST
 * API, {@code dps-https} when DPS is on) and, once
 * accepted, {@code connect} becomes {@code keep-alive → session}. A DPS or device REST request
 * turns a WebSocket-listener connection into
 * {@code tls → http → http-aggregator → idle → dps-https → device-https → https-tail → exceptions};
 * a first request for the web server turns it into {@code tls → web-tunnel → exceptions}.
 */
public final class MqttPipeline extends ChannelInitializer<SocketChannel> {
    public static final String TLS = "tls";
    public static final String WEB = "web";
    public static final String WEB_TUNNEL = "web-tunnel";
    public static final String HTTP = "http";
    public static final String HTTP_AGGREGATOR = "http-aggregator";
    public static final String DPS_HTTPS = "dps-https";
    public static final String DEVICE_HTTPS = "device-https";
    public static final String BLOB_HTTPS = "blob-https";
    public static final String HTTPS_TAIL = "https-tail";
    public static final String IDLE = "idle";
    /** How long an HTTPS (DPS) connection may sit idle. */
    public static final Duration HTTPS_IDLE = Duration.ofSeconds(120);
    public static final String WEBSOCKET = "websocket";
    public static final String WEBSOCKET_MQTT = "websocket-mqtt";
    public static final String MQTT_DECODER = "mqtt-decoder";
    public static final String MQTT_ENCODER = "mqtt-encoder";
    public static final String CONNECT = "connect";
    public static final String KEEP_ALIVE = "keep-alive";
    public static final String SESSION = "session";
    public static final String EXCEPTIONS = "exceptions";
    /** What a connection for the web server drops: every handler between TLS and the exception tail. */
    static final List<String> DEVICE_HANDLERS = List.of(HTTP, OriginFormUri.NAME, HTTP_AGGREGATOR, DPS_HTTPS, WEBSOCKET,
            WEBSOCKET_MQTT, WebSocketSubprotocol.NAME, MQTT_DECODER, MQTT_ENCODER, CONNECT);

    /** How a listener carries MQTT. */
    public enum Flavor { PLAIN, TLS, WEBSOCKET }

    private final Flavor flavor;
    private final Optional<TlsHandshakes> tls;
    private final MessageSizeLimit messageSize;
    private final Disconnects disconnects;
    private final ChannelGroup channels;
    private final Supplier<ChannelHandler> connectHandlers;
    private final Optional<Supplier<ChannelHandler>> dpsHttpsHandlers;
    private final Supplier<ChannelHandler> deviceHttpsHandlers;
    private final Supplier<ChannelHandler> blobHttpsHandlers;
    private final int httpBodyBytes;
    private final Optional<Supplier<ChannelHandler>> webHandlers;
    private final Optional<Supplier<ChannelHandler>> amqpHandlers;

    /**
     * With {@code tls}: the TLS handshakes (with their own timeout). The connect handler's CONNECT
     * timeout starts only once the handshake is done, so that handshakes queued during a connect
     * storm do not eat into the time a device has to send CONNECT. With
     * {@code webHandlers}, the WebSocket listener also serves the web: each of its connections starts
     * with one of these ({@link WebRequestSplitter}). An HTTPS request's body may have
     * {@code httpBodyBytes} (an uploaded file), or the message-size limit if that is larger. With
     * {@code amqpHandlers}, a WebSocket that asks for {@value WebSocketSubprotocol#AMQP} carries AMQP
     * ({@link WebSocketSubprotocol}).
     */
    public MqttPipeline(Flavor flavor, Optional<TlsHandshakes> tls, MessageSizeLimit messageSize, Disconnects disconnects,
            ChannelGroup channels, Supplier<ChannelHandler> connectHandlers,
            Optional<Supplier<ChannelHandler>> dpsHttpsHandlers, Supplier<ChannelHandler> deviceHttpsHandlers,
            Supplier<ChannelHandler> blobHttpsHandlers, int httpBodyBytes, Optional<Supplier<ChannelHandler>> webHandlers,
            Optional<Supplier<ChannelHandler>> amqpHandlers) {
        if (flavor != Flavor.PLAIN && tls.isEmpty()) {
            throw new IllegalArgumentException(flavor + " listener needs a TLS certificate");
        }
        this.flavor = flavor;
        this.tls = flavor == Flavor.PLAIN ? Optional.empty() : tls;
        this.messageSize = messageSize;
        this.disconnects = disconnects;
        this.channels = channels;
        this.connectHandlers = connectHandlers;
        this.dpsHttpsHandlers = dpsHttpsHandlers;
        this.deviceHttpsHandlers = deviceHttpsHandlers;
        this.blobHttpsHandlers = blobHttpsHandlers;
        this.httpBodyBytes = Math.max(httpBodyBytes, messageSize.maxPacketBytes());
        this.webHandlers = webHandlers;
        this.amqpHandlers = amqpHandlers;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        disconnects.track(channel);
        channels.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        tls.ifPresent(handshakes -> pipeline.addLast(TLS, handshakes.newHandler(channel)));
        if (flavor == Flavor.WEBSOCKET) {
            webHandlers.ifPresent(handlers -> pipeline.addLast(WEB, handlers.get()));
            pipeline.addLast(HTTP, new HttpServerCodec());
            pipeline.addLast(OriginFormUri.NAME, OriginFormUri.INSTANCE);
            pipeline.addLast(HTTP_AGGREGATOR, new HttpObjectAggregator(httpBodyBytes));
            dpsHttpsHandlers.ifPresent(handlers -> pipeline.addLast(DPS_HTTPS, handlers.get()));
            pipeline.addLast(DEVICE_HTTPS, deviceHttpsHandlers.get());
            pipeline.addLast(BLOB_HTTPS, blobHttpsHandlers.get());
            pipeline.addLast(WEBSOCKET, new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                    .websocketPath("/$iothub/websocket").subprotocols(subprotocols()).checkStartsWith(true)
                    .maxFramePayloadLength(messageSize.maxPacketBytes()).handshakeTimeoutMillis(10_000).build()));
            pipeline.addLast(WEBSOCKET_MQTT, new WebSocketMqttAdapter());
            amqpHandlers.ifPresent(amqp -> pipeline.addLast(WebSocketSubprotocol.NAME, new WebSocketSubprotocol(amqp)));
        }
        pipeline.addLast(MQTT_DECODER, new MqttDecoder(messageSize.maxPacketBytes()));
        pipeline.addLast(MQTT_ENCODER, MqttEncoder.INSTANCE);
        pipeline.addLast(CONNECT, connectHandlers.get());
        pipeline.addLast(EXCEPTIONS, ExceptionTail.INSTANCE);
    }

    private String subprotocols() {
        return amqpHandlers.isPresent() ? WebSocketSubprotocol.MQTT + "," + WebSocketSubprotocol.AMQP
                : WebSocketSubprotocol.MQTT;
    }

    /** Replaces the connect handler by the session handler, behind a keep-alive timer unless it is zero. */
    public static void installSession(ChannelPipeline pipeline, Duration keepAlive, ChannelHandler session) {
        if (!keepAlive.isZero()) {
            pipeline.addBefore(CONNECT, KEEP_ALIVE, new IdleStateHandler(keepAlive.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        }
        pipeline.replace(CONNECT, SESSION, session);
    }

    /**
     * Drops the WebSocket and MQTT handlers of a connection that carries HTTPS requests (DPS, device
     * REST) instead, and adds the idle timeout and the tail that answers unrouted requests; once.
     */
    public static void becomeHttps(ChannelPipeline pipeline) {
        if (pipeline.get(IDLE) != null) {
            return;
        }
        for (String name : List.of(WEBSOCKET, WEBSOCKET_MQTT, WebSocketSubprotocol.NAME, MQTT_DECODER, MQTT_ENCODER,
                CONNECT)) {
            if (pipeline.get(name) != null) {
                pipeline.remove(name);
            }
        }
        pipeline.addAfter(HTTP_AGGREGATOR, IDLE, new IdleStateHandler(0, 0, HTTPS_IDLE.toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addBefore(EXCEPTIONS, HTTPS_TAIL, HttpsTail.INSTANCE);
    }

    /**
     * Where an MQTT connection writes packets it encoded itself (the PUBACKs of a batch): the encoder's
     * context, so that a write passes only the handlers before it (WebSocket framing, TLS) and not the
     * pipeline's tail and the session's handlers (exceptions, session, keep-alive), which leave outbound
     * bytes as they are — three cold contexts fewer per PUBACK with 10,000 connections.
     */
    public static ChannelHandlerContext encodedWrites(ChannelPipeline pipeline) {
        return pipeline.context(MQTT_ENCODER);
    }

    /** Feeds packets that arrived before the session existed to the handlers after the codec. */
    public static void replay(ChannelPipeline pipeline, List<Object> packets) {
        ChannelHandlerContext afterCodec = pipeline.context(MQTT_ENCODER);
        packets.forEach(afterCodec::fireChannelRead);
    }
}
