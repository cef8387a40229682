package org.opencentral.transport.internal.amqp;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Supplier;
import org.opencentral.transport.internal.TransportContext;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.opencentral.transport.internal.pipeline.ExceptionTail;
import org.opencentral.transport.internal.pipeline.MqttPipeline;
import org.opencentral.transport.internal.pipeline.TlsHandshakes;

/**
 * The AMQPS listener's pipeline: the same TLS as MQTT, then one Proton-J engine per connection. AMQP
 * over WebSockets runs the same engine behind the HTTPS listener's WebSocket handlers.
 */
@Sharable
public final class AmqpPipeline extends ChannelInitializer<SocketChannel> {
    /** The largest frame either side sends; a message spans frames. */
    static final int MAX_FRAME_BYTES = 64 * 1024;

    private final TlsHandshakes tls;
    private final TransportContext context;
    private final Disconnects disconnects;
    private final ChannelGroup channels;

    public AmqpPipeline(TlsHandshakes tls, TransportContext context, Disconnects disconnects, ChannelGroup channels) {
        this.tls = tls;
        this.context = context;
        this.disconnects = disconnects;
        this.channels = channels;
    }

    /** A new AMQP engine per connection, also for AMQP over WebSockets on the HTTPS listener. */
    public static Supplier<ChannelHandler> engines(TransportContext context) {
        return () -> new AmqpEngine(engine -> new AmqpEndpoint(context, engine), MAX_FRAME_BYTES);
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        disconnects.track(channel);
        channels.add(channel);
        channel.pipeline().addLast(MqttPipeline.TLS, tls.newHandler(channel))
                .addLast("amqp", engines(context).get())
                .addLast("exceptions", ExceptionTail.INSTANCE);
    }
}
