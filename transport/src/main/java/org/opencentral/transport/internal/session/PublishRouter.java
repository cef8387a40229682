package org.opencentral.transport.internal.session;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttQoS;
import org.opencentral.transport.internal.pipeline.CloseReason;
import org.opencentral.transport.internal.topic.DeviceMessage;
import org.opencentral.transport.internal.topic.TopicTable;

/**
 * A device's PUBLISH: QoS 2 closes the connection (as IoT Hub does), the rate is shaped, and the
 * topic table decides which handler gets it. A topic that is not this device's closes the connection.
 */
final class PublishRouter {
    private final DeviceConnection connection;
    private final TrafficShaper shaper;
    private final TelemetryIngest telemetry;
    private final TwinRequests twin;
    private final MethodCalls methods;

    PublishRouter(DeviceConnection connection, TrafficShaper shaper, TelemetryIngest telemetry, TwinRequests twin,
            MethodCalls methods) {
        this.connection = connection;
        this.shaper = shaper;
        this.telemetry = telemetry;
        this.twin = twin;
        this.methods = methods;
    }

    void route(MqttPublishMessage publish) {
        MqttQoS qos = publish.fixedHeader().qosLevel();
        if (qos != MqttQoS.AT_MOST_ONCE && qos != MqttQoS.AT_LEAST_ONCE) {
            connection.close(CloseReason.QOS2_NOT_SUPPORTED, "");
            return;
        }
        long ackNotBefore = shaper.onPublish();
        String topic = publish.variableHeader().topicName();
        switch (TopicTable.route(connection.deviceId(), topic)) {
            case DeviceMessage.Telemetry message -> telemetry.handle(publish, message.properties(), ackNotBefore);
            case DeviceMessage.TwinGet message -> {
                acknowledge(publish);
                twin.get(message.rid());
            }
            case DeviceMessage.ReportedPatch message -> {
                acknowledge(publish);
                twin.patchReported(message.rid(), ByteBufUtil.getBytes(publish.payload()));
            }
            case DeviceMessage.MethodResponse message -> {
                acknowledge(publish);
                methods.response(message.rid(), message.status(), ByteBufUtil.getBytes(publish.payload()));
            }
            case DeviceMessage.ProvisioningRegister message ->
                    connection.close(CloseReason.FORBIDDEN_TOPIC, "DPS topic on a hub connection");
            case DeviceMessage.ProvisioningStatus message ->
                    connection.close(CloseReason.FORBIDDEN_TOPIC, "DPS topic on a hub connection");
            case DeviceMessage.Forbidden forbidden ->
                    connection.close(CloseReason.FORBIDDEN_TOPIC, forbidden.reason() + ": '" + abbreviate(topic) + "'");
        }
    }

    /** Requests are acknowledged on receipt; their answer is the response topic. */
    private void acknowledge(MqttPublishMessage publish) {
        if (publish.fixedHeader().qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            connection.puback(publish.variableHeader().packetId());
        }
    }

    private static String abbreviate(String topic) {
        return topic.length() <= 200 ? topic : topic.substring(0, 200) + "…";
    }
}
