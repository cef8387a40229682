package org.opencentral.transport.internal.session;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import org.opencentral.platform.session.DeviceSession;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.pipeline.CloseReason;

/** Dispatches the packets of an accepted connection by type; anything a client must not send closes it. */
final class SessionHandler extends SimpleChannelInboundHandler<MqttMessage> {
    private final DeviceConnection connection;
    private final DeviceSession session;
    private final PublishRouter publishes;
    private final SubscriptionRequests subscriptions;
    private final CloudToDeviceDelivery cloudToDevice;
    private final MqttMetrics metrics;

    SessionHandler(DeviceConnection connection, DeviceSession session, PublishRouter publishes,
            SubscriptionRequests subscriptions, CloudToDeviceDelivery cloudToDevice, MqttMetrics metrics) {
        this.connection = connection;
        this.session = session;
        this.publishes = publishes;
        this.subscriptions = subscriptions;
        this.cloudToDevice = cloudToDevice;
        this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            Throwable cause = message.decoderResult().cause();
            connection.close(cause instanceof TooLongFrameException ? CloseReason.MESSAGE_TOO_LARGE
                    : CloseReason.MALFORMED_PACKET, String.valueOf(cause.getMessage()));
            return;
        }
        switch (message.fixedHeader().messageType()) {
            case PUBLISH -> publishes.route((MqttPublishMessage) message);
            case PUBACK -> cloudToDevice.acknowledged(((MqttMessageIdVariableHeader) message.variableHeader()).messageId());
            case SUBSCRIBE -> subscriptions.subscribe((MqttSubscribeMessage) message, session);
            case UNSUBSCRIBE -> subscriptions.unsubscribe((MqttUnsubscribeMessage) message);
            case PINGREQ -> {
                metrics.received(MessageKind.PING);
                connection.write(MqttMessage.PINGRESP);
            }
            case DISCONNECT -> connection.close(CloseReason.CLIENT_DISCONNECT, "");
            case CONNECT, CONNACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, PINGRESP, AUTH ->
                    connection.close(CloseReason.PROTOCOL_VIOLATION,
                            "unexpected " + message.fixedHeader().messageType() + " from a device");
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            connection.close(CloseReason.KEEP_ALIVE_TIMEOUT, "");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}
