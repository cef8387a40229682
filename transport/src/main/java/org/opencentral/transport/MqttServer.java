package org.opencentral.transport;

import org.opencentral.platform.session.ConnectionListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.opencentral.transport.MqttServerConfig.Endpoint;
import org.opencentral.transport.internal.KeyedSerialExecutor;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.amqp.AmqpPipeline;
import org.opencentral.transport.internal.connect.ConnectHandler;
import org.opencentral.transport.internal.https.BlobHttpHandler;
import org.opencentral.transport.internal.https.DeviceHttpHandler;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.opencentral.transport.internal.pipeline.ConnectionCap;
import org.opencentral.transport.internal.pipeline.MqttPipeline;
import org.opencentral.transport.internal.pipeline.MqttPipeline.Flavor;
import org.opencentral.transport.internal.pipeline.SocketTransport;
import org.opencentral.transport.internal.pipeline.TlsHandshakes;
import org.opencentral.transport.internal.pipeline.WebRequestSplitter;
import org.opencentral.transport.internal.provisioning.DpsHttpHandler;
import org.opencentral.transport.internal.provisioning.ProvisioningSessionStarter;
import org.opencentral.transport.internal.session.MqttSessionStarter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IoT Hub–compatible MQTT endpoint: MQTT 3.1.1 over TLS, over secure WebSockets at
 * {@value #WEBSOCKET_PATH} (subprotocol {@code mqtt}) and plain (meant for loopback). With
 * provisioning, the DPS endpoint too: over MQTT on every listener and DPS's HTTPS REST variant
 * ({@code /{idScope}/registrations/…}) on the WebSocket listener, which also serves IoT Hub's
 * device REST surface ({@code /devices/{id}/messages/…}: telemetry, cloud-to-device). With a
 * {@link WebTunnel}, the WebSocket listener also carries every other HTTPS request to the web server
 * (the UI and REST API); those connections count towards {@code maxConnections} too. With an
 * {@code amqps} endpoint, IoT Hub's AMQP 1.0 device endpoint over the same TLS (CBS SAS tokens,
 * telemetry and cloud-to-device links). NIO event
 * loops; blocking platform calls run on virtual threads, the TLS handshakes' crypto on a pool of one
 * platform thread per core ({@link TlsHandshakes}).
 *
 * <pre>
 *   MqttServer server = new MqttServer(config, Optional.of(MqttTls.of(key, chain)), services, listener, registry);
 *   BoundPorts ports = server.start();
 *   ...
 *   server.close();
 * </pre>
 */
public final class MqttServer implements AutoCloseable {
    public static final String WEBSOCKET_PATH = "/$iothub/websocket";
    private static final Logger LOG = LoggerFactory.getLogger(MqttServer.class);

    private final MqttServerConfig config;
    private final Optional<MqttTls> tls;
    private final Optional<WebTunnel> web;
    private final MqttMetrics metrics;
    private final ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
    /** Runs the TLS handshakes' delegated tasks (their crypto), off the event loops: one thread per core. */
    private final ExecutorService handshakes = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("tls-handshake-", 0).daemon().factory());
    private final TransportContext context;
    private final ChannelGroup channels = new DefaultChannelGroup("mqtt", GlobalEventExecutor.INSTANCE);
    private final List<Channel> listeners = new ArrayList<>();
    private final SocketTransport transport = SocketTransport.best();
    private EventLoopGroup acceptors;
    private EventLoopGroup workers;

    public MqttServer(MqttServerConfig config, Optional<MqttTls> tls, MqttServices services,
            ConnectionListener listener, MeterRegistry registry) {
        this(config, tls, services, listener, registry, Optional.empty());
    }

    /**
     * With {@code web}, the WebSocket (HTTPS) listener also serves the web server: a connection whose
     * first request is neither {@value #WEBSOCKET_PATH} nor DPS is tunnelled there.
     */
    public MqttServer(MqttServerConfig config, Optional<MqttTls> tls, MqttServices services,
            ConnectionListener listener, MeterRegistry registry, Optional<WebTunnel> web) {
        if (config.needsTls() && tls.isEmpty()) {
            throw new IllegalArgumentException("the MQTT over TLS and WebSocket listeners need a TLS certificate");
        }
        this.config = config;
        this.tls = tls;
        this.web = web;
        this.metrics = new MqttMetrics(registry);
        this.context = new TransportContext(services, blocking, new TransportContext.ConnectionEvents(listener,
                new KeyedSerialExecutor<>(blocking)), config.limits(), metrics);
    }

    /** Binds every configured listener; fails (and releases what was bound) if one cannot bind. */
    public synchronized BoundPorts start() {
        if (workers != null) {
            throw new IllegalStateException("already started");
        }
        acceptors = new MultiThreadIoEventLoopGroup(1, transport.ioHandlers());
        workers = new MultiThreadIoEventLoopGroup(transport.ioHandlers());
        try {
            BoundPorts ports = new BoundPorts(bind(config.mqtts(), Flavor.TLS), bind(config.mqtt(), Flavor.PLAIN),
                    bind(config.websocket(), Flavor.WEBSOCKET), bindAmqps());
            LOG.info("Device listeners ({}): mqtts={} mqtt={} websocket={} amqps={}", transport, ports.mqtts(),
                    ports.mqtt(), ports.websocket(), ports.amqps());
            return ports;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private OptionalInt bind(Optional<Endpoint> endpoint, Flavor flavor) {
        if (endpoint.isEmpty()) {
            return OptionalInt.empty();
        }
        Disconnects disconnects = new Disconnects(metrics);
        return listen(endpoint.get(), disconnects, mqttPipeline(flavor, disconnects));
    }

    private OptionalInt bindAmqps() {
        if (config.amqps().isEmpty()) {
            return OptionalInt.empty();
        }
        Disconnects disconnects = new Disconnects(metrics);
        return listen(config.amqps().get(), disconnects, new AmqpPipeline(tlsHandshakes().orElseThrow(), context,
                disconnects, channels));
    }

    private MqttPipeline mqttPipeline(Flavor flavor, Disconnects disconnects) {
        MqttPipeline pipeline = new MqttPipeline(flavor, tlsHandshakes(),
                context.services().ingest().limit(), disconnects, channels,
                () -> new ConnectHandler(context, new MqttSessionStarter(context),
                        new ProvisioningSessionStarter(context)),
                context.services().provisioning().map(dps -> () -> new DpsHttpHandler(context)),
                () -> new DeviceHttpHandler(context), () -> new BlobHttpHandler(context),
                BlobHttpHandler.bodyLimit(context.services().files().settings()),
                web.map(tunnel -> () -> new WebRequestSplitter(MqttServer::isDeviceRequest, tunnel)),
                config.amqps().map(amqps -> AmqpPipeline.engines(context)));
        return pipeline;
    }

    /** The TLS listeners' handshakes: as long as a CONNECT may take, crypto on {@link #handshakes}. */
    private Optional<TlsHandshakes> tlsHandshakes() {
        return tls.map(t -> new TlsHandshakes(t.sslContext(), handshakes, config.limits().connectTimeout()));
    }

    private OptionalInt listen(Endpoint endpoint, Disconnects disconnects, io.netty.channel.ChannelHandler pipeline) {
        Channel channel = new ServerBootstrap().group(acceptors, workers).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ConnectionCap(channels, config.maxConnections(), disconnects, pipeline))
                .bind(endpoint.host(), endpoint.port()).syncUninterruptibly().channel();
        listeners.add(channel);
        return OptionalInt.of(((InetSocketAddress) channel.localAddress()).getPort());
    }

    /**
     * Whether an HTTPS request target is for the device handlers: MQTT over WebSockets, a DPS path,
     * IoT Hub's device REST surface or a blob of the embedded file store.
     */
    static boolean isDeviceRequest(String target) {
        return target.startsWith(WEBSOCKET_PATH) || DpsHttpHandler.isDpsPath(target)
                || DeviceHttpHandler.isDevicePath(target) || BlobHttpHandler.isBlobPath(target);
    }

    /** Open device connections (all listeners). */
    public int connectionCount() {
        return metrics.openConnections();
    }

    /** Stops accepting, closes every connection (each device gets its disconnect event) and stops the threads. */
    @Override
    public synchronized void close() {
        listeners.forEach(channel -> channel.close().syncUninterruptibly());
        listeners.clear();
        channels.forEach(channel -> Disconnects.close(channel, CloseReason.SERVER_STOPPING, ""));
        channels.newCloseFuture().awaitUninterruptibly(10, TimeUnit.SECONDS);
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            acceptors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers = null;
        }
        blocking.close();
        handshakes.shutdownNow();
    }
}
