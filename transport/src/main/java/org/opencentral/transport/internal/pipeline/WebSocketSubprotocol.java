package org.opencentral.transport.internal.pipeline;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.util.List;
import java.util.function.Supplier;

/**
 * Picks the protocol a WebSocket carries once its handshake is done, by the subprotocol the device
 * asked for: {@value #MQTT} keeps the MQTT handlers, {@value #AMQP} (the SDKs' AMQP over WebSockets)
 * replaces them by an AMQP engine. Either way the binary frames' bytes are the protocol's bytes.
 */
public final class WebSocketSubprotocol extends ChannelInboundHandlerAdapter {
    public static final String MQTT = "mqtt";
    public static final String AMQP = "AMQPWSB10";
    static final String NAME = "websocket-subprotocol";
    static final String AMQP_ENGINE = "amqp";

    private final Supplier<ChannelHandler> amqpHandlers;

    public WebSocketSubprotocol(Supplier<ChannelHandler> amqpHandlers) {
        this.amqpHandlers = amqpHandlers;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete handshake) {
            ChannelPipeline pipeline = ctx.pipeline();
            if (AMQP.equals(handshake.selectedSubprotocol())) {
                for (String name : List.of(MqttPipeline.MQTT_DECODER, MqttPipeline.MQTT_ENCODER, MqttPipeline.CONNECT)) {
                    pipeline.remove(name);
                }
                pipeline.addAfter(ctx.name(), AMQP_ENGINE, amqpHandlers.get());
            }
            pipeline.remove(this);
        }
        ctx.fireUserEventTriggered(event);
    }
}
