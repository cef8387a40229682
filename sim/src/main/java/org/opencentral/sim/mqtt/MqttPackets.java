package org.opencentral.sim.mqtt;

import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttVersion;
import java.nio.charset.StandardCharsets;

/** The fixed and small packets the client sends. */
final class MqttPackets {
    static final MqttMessage PINGREQ = fixed(MqttMessageType.PINGREQ);
    static final MqttMessage DISCONNECT = fixed(MqttMessageType.DISCONNECT);

    private MqttPackets() {
    }

    static MqttConnectMessage connect(ConnectSpec spec) {
        var builder = MqttMessageBuilders.connect()
                .protocolVersion(MqttVersion.MQTT_3_1_1)
                .clientId(spec.clientId())
                .cleanSession(true)
                .keepAlive(spec.keepAliveSeconds());
        spec.username().ifPresent(builder::username);
        spec.password().ifPresent(p -> builder.password(p.getBytes(StandardCharsets.UTF_8)));
        return builder.build();
    }

    static MqttMessage pubAck(int packetId) {
        return new MqttMessage(new MqttFixedHeader(MqttMessageType.PUBACK, false, MqttQoS.AT_MOST_ONCE, false, 2),
                MqttMessageIdVariableHeader.from(packetId));
    }

    private static MqttMessage fixed(MqttMessageType type) {
        return new MqttMessage(new MqttFixedHeader(type, false, MqttQoS.AT_MOST_ONCE, false, 0));
    }
}
