package org.opencentral.transport.internal.pipeline;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The server side of TLS for every device listener (MQTT, WebSockets, AMQP): one {@link SslHandler}
 * per connection, whose handshake may take {@code timeout} and whose delegated tasks (with the JDK
 * provider: the key exchange and the signature) run on {@code delegatedTasks}, not on the event loop:
 * during a connect storm the event loops keep serving the devices already connected while handshakes
 * queue on that executor. BoringSSL hands out no tasks ({@link org.opencentral.transport.MqttTls} turns
 * them off): its whole handshake, a third of the JDK's CPU, runs inline.
 */
public record TlsHandshakes(SslContext context, Executor delegatedTasks, Duration timeout) {
    public TlsHandshakes {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(delegatedTasks, "delegatedTasks");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive");
        }
    }

    /** The TLS handler of a new connection. */
    public SslHandler newHandler(Channel channel) {
        SslHandler handler = context.newHandler(channel.alloc(), delegatedTasks);
        handler.setHandshakeTimeoutMillis(timeout.toMillis());
        return handler;
    }
}
