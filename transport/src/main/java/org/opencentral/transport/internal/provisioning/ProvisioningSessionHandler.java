package org.opencentral.transport.internal.provisioning;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.pipeline.Disconnects;
import org.opencentral.transport.internal.topic.DeviceMessage;
import org.opencentral.transport.internal.topic.TopicTable;

/** Dispatches the packets of a DPS connection; the topic table decides what a PUBLISH means. */
final class ProvisioningSessionHandler extends SimpleChannelInboundHandler<MqttMessage> {
    private final ProvisioningRequests requests;

    ProvisioningSessionHandler(ProvisioningRequests requests) {
        this.requests = requests;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, MqttMessage message) {
        if (message.decoderResult().isFailure()) {
            Disconnects.close(ctx.channel(), CloseReason.MALFORMED_PACKET,
                    String.valueOf(message.decoderResult().cause().getMessage()));
            return;
        }
        switch (message.fixedHeader().messageType()) {
            case PUBLISH -> publish(ctx, (MqttPublishMessage) message);
            case SUBSCRIBE -> subscribe(ctx, (MqttSubscribeMessage) message);
            case UNSUBSCRIBE -> ctx.writeAndFlush(MqttMessageBuilders.unsubAck()
                    .packetId(((MqttUnsubscribeMessage) message).variableHeader().messageId()).build());
            case PINGREQ -> ctx.writeAndFlush(MqttMessage.PINGRESP);
            case DISCONNECT -> Disconnects.close(ctx.channel(), CloseReason.CLIENT_DISCONNECT, "");
            case PUBACK -> { }
            case CONNECT, CONNACK, PUBREC, PUBREL, PUBCOMP, SUBACK, UNSUBACK, PINGRESP, AUTH ->
                    Disconnects.close(ctx.channel(), CloseReason.PROTOCOL_VIOLATION,
                            "unexpected " + message.fixedHeader().messageType() + " on a DPS connection");
        }
    }

    private void publish(ChannelHandlerContext ctx, MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        if (qos == MqttQoS.EXACTLY_ONCE) {
            Disconnects.close(ctx.channel(), CloseReason.QOS2_NOT_SUPPORTED, "");
            return;
        }
        if (qos == MqttQoS.AT_LEAST_ONCE) {
            ctx.writeAndFlush(MqttMessageBuilders.pubAck().packetId(publish.variableHeader().packetId()).build());
        }
        String topic = publish.variableHeader().topicName();
        switch (TopicTable.routeProvisioning(requests.registration(), topic)) {
            case DeviceMessage.ProvisioningRegister register ->
                    requests.register(register.rid(), ByteBufUtil.getBytes(publish.payload()));
            case DeviceMessage.ProvisioningStatus status -> requests.status(status.rid(), status.operationId());
            case DeviceMessage.Telemetry m -> forbidden(ctx, topic);
            case DeviceMessage.TwinGet m -> forbidden(ctx, topic);
            case DeviceMessage.ReportedPatch m -> forbidden(ctx, topic);
            case DeviceMessage.MethodResponse m -> forbidden(ctx, topic);
            case DeviceMessage.Forbidden m -> forbidden(ctx, topic);
        }
    }

    private void subscribe(ChannelHandlerContext ctx, MqttSubscribeMessage message) {
        List<MqttQoS> granted = new ArrayList<>();
        for (MqttTopicSubscription request : message.payload().topicSubscriptions()) {
            boolean allowed = TopicTable.provisioningFilter(request.topicFilter());
            granted.add(!allowed ? MqttQoS.FAILURE
                    : request.qualityOfService().value() >= 1 ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE);
        }
        ctx.writeAndFlush(MqttMessageBuilders.subAck().packetId(message.variableHeader().messageId())
                .addGrantedQoses(granted.toArray(MqttQoS[]::new)).build());
    }

    private static void forbidden(ChannelHandlerContext ctx, String topic) {
        Disconnects.close(ctx.channel(), CloseReason.FORBIDDEN_TOPIC, "not a DPS topic: '"
                + (topic.length() <= 200 ? topic : topic.substring(0, 200)) + "'");
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            Disconnects.close(ctx.channel(), CloseReason.KEEP_ALIVE_TIMEOUT, "");
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }
}
