package org.opencentral.sim.amqp;

import io.netty.handler.ssl.SslContext;
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
 * Opens AMQP 1.0 device connections to one server from a shared event loop group. {@link #connect}
 * completes with the connection once the device's token was accepted on {@code $cbs} and its
 * telemetry link attached, or fails with the reason ({@link org.opencentral.sim.client.ConnectFailure#kindOf}).
 */
public final class AmqpClient implements DeviceClient<AmqpConnection> {
    private final ClientChannels channels;
    private final Function<SimDevice, AmqpLogin> logins;

    /**
     * @param threads              event loop threads (0: one per core)
     * @param connectTimeoutMillis TCP connect and TLS handshake each bounded by this, the rest by twice this
     * @param logins               how each device connects
     */
    public AmqpClient(InetSocketAddress server, Optional<SslContext> tls, int threads, long connectTimeoutMillis,
                      Function<SimDevice, AmqpLogin> logins) {
        this.channels = new ClientChannels(server, tls, threads, connectTimeoutMillis);
        this.logins = logins;
    }

    @Override
    public CompletableFuture<AmqpConnection> connect(SimDevice device, Optional<InetAddress> source,
                                                     ConnectionHandler<? super AmqpConnection> session) {
        AmqpLogin login = logins.apply(device);
        return channels.open(source, (pipeline, connected) ->
                pipeline.addLast("amqp", new AmqpClientEngine(login, session, connected)));
    }

    @Override
    public void close() {
        channels.close();
    }
}
