package org.opencentral.sim.mqtt;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.opencentral.sim.client.ClientChannels;
import org.opencentral.sim.client.ConnectionHandler;
import org.opencentral.sim.client.DeviceClient;
import org.opencentral.sim.iothub.SimDevice;

/**
 * Opens MQTT connections to one server from a shared event loop group. {@link #connect} completes
 * with the connection after CONNACK, or fails with the reason
 * ({@link org.opencentral.sim.client.ConnectFailure#kindOf}).
 */
public final class MqttClient implements DeviceClient<MqttConnection> {
    private static final int MAX_PACKET_BYTES = 1 << 20;

    private final ClientChannels channels;
    private final Function<SimDevice, ConnectSpec> connectSpecs;

    /**
     * @param threads              event loop threads (0: one per core)
     * @param connectTimeoutMillis TCP connect + TLS handshake + CONNACK, each bounded by this
     * @param connectSpecs         the CONNECT of each device
     */
    public MqttClient(InetSocketAddress server, Optional<SslContext> tls, int threads, long connectTimeoutMillis,
                      Function<SimDevice, ConnectSpec> connectSpecs) {
        this.channels = new ClientChannels(server, tls, threads, connectTimeoutMillis);
        this.connectSpecs = connectSpecs;
    }

    @Override
    public CompletableFuture<MqttConnection> connect(SimDevice device, Optional<InetAddress> source,
                                                     ConnectionHandler<? super MqttConnection> session) {
        ConnectSpec spec = connectSpecs.apply(device);
        return channels.open(source, (pipeline, connected) -> configure(pipeline, spec, session, connected));
    }

    private static void configure(ChannelPipeline pipeline, ConnectSpec spec, ConnectionHandler<? super MqttConnection> session,
                                  CompletableFuture<MqttConnection> connected) {
        pipeline.addLast("decoder", new MqttDecoder(MAX_PACKET_BYTES));
        pipeline.addLast("encoder", MqttEncoder.INSTANCE);
        if (spec.keepAliveSeconds() > 0) {
            pipeline.addLast("keepalive", new IdleStateHandler(0, Math.max(1, spec.keepAliveSeconds() / 2), 0));
        }
        pipeline.addLast("client", new ClientHandler(spec, session, connected));
    }

    @Override
    public void close() {
        channels.close();
    }
}
