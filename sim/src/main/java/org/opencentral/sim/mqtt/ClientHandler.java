package org.opencentral.sim.mqtt;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubAckMessage;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.util.concurrent.CompletableFuture;
import org.opencentral.sim.client.ConnectFailure;
import org.opencentral.sim.client.ConnectionHandler;

/**
 * The tail of a connection's pipeline: sends CONNECT when the channel is active, completes the
 * connect future on CONNACK, answers QoS 1 publishes, sends PINGREQ when idle and hands everything
 * else to the {@link ConnectionHandler}. The one place a connection's errors end up.
 */
final class ClientHandler extends ChannelInboundHandlerAdapter {
    private final ConnectSpec spec;
    private final ConnectionHandler<? super MqttConnection> session;
    private final CompletableFuture<MqttConnection> connected;
    private final SubscribeTracker subscriptions = new SubscribeTracker();
    private MqttConnection connection;
    private Throwable failure;

    ClientHandler(ConnectSpec spec, ConnectionHandler<? super MqttConnection> session, CompletableFuture<MqttConnection> connected) {
        this.spec = spec;
        this.session = session;
        this.connected = connected;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(MqttPackets.connect(spec));
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof MqttMessage mqtt && mqtt.decoderResult().isFailure()) {
                fail(ctx, mqtt.decoderResult().cause());
                return;
            }
            switch (msg) {
                case MqttConnAckMessage ack -> onConnAck(ctx, ack);
                case MqttPublishMessage publish -> onPublish(ctx, publish);
                case MqttSubAckMessage subAck -> subscriptions.acknowledged(
                        subAck.payload().grantedQoSLevels().stream().allMatch(q -> q < 0x80));
                case MqttMessage mqtt when mqtt.variableHeader() instanceof MqttMessageIdVariableHeader id
                        && mqtt.fixedHeader().messageType() == io.netty.handler.codec.mqtt.MqttMessageType.PUBACK ->
                        session.onAcknowledged(id.messageId());
                default -> { } // PINGRESP and anything a 3.1.1 server may add
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onConnAck(ChannelHandlerContext ctx, MqttConnAckMessage ack) {
        MqttConnectReturnCode code = ack.variableHeader().connectReturnCode();
        if (code != MqttConnectReturnCode.CONNECTION_ACCEPTED) {
            fail(ctx, new ConnectFailure("connack_" + code.byteValue(), "CONNACK " + code));
            return;
        }
        connection = new MqttConnection(ctx.channel(), subscriptions);
        session.onConnected(connection);
        connected.complete(connection);
    }

    private void onPublish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            ctx.write(MqttPackets.pubAck(publish.variableHeader().packetId()), ctx.voidPromise());
        }
        session.onMessage(publish.variableHeader().topicName(), publish.payload());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && connection != null) {
            session.onWritable();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.writeAndFlush(MqttPackets.PINGREQ, ctx.voidPromise());
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, cause);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        Throwable cause = failure != null ? failure
                : new ConnectFailure(connection == null ? "closed_before_connack" : "closed_by_server", "connection closed");
        subscriptions.failAll(cause);
        boolean beforeConnAck = connected.completeExceptionally(cause) || connection == null;
        if (!beforeConnAck && !connection.isClosing()) {
            session.onClosed(cause);
        }
    }

    private void fail(ChannelHandlerContext ctx, Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
        ctx.close();
    }
}
