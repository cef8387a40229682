package org.opencentral.transport.internal.session;

import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.opencentral.platform.session.DeviceSession;
import org.opencentral.platform.session.DeviceSession.Subscription;
import org.opencentral.platform.session.DeviceSessions;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.metrics.MqttMetrics;
import org.opencentral.transport.internal.topic.TopicTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SUBSCRIBE and UNSUBSCRIBE: a filter of this device's topic table is granted at QoS ≤ 1; any
 * other filter gets 0x80 (failure) and a warning. After the SUBACK the platform is told (waiting
 * direct methods proceed) and queued cloud-to-device messages are delivered.
 */
final class SubscriptionRequests {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionRequests.class);

    private final DeviceConnection connection;
    private final DeviceSessions sessions;
    private final CloudToDeviceDelivery cloudToDevice;
    private final Executor blocking;
    private final MqttMetrics metrics;

    SubscriptionRequests(DeviceConnection connection, DeviceSessions sessions, CloudToDeviceDelivery cloudToDevice,
            Executor blocking, MqttMetrics metrics) {
        this.connection = connection;
        this.sessions = sessions;
        this.cloudToDevice = cloudToDevice;
        this.blocking = blocking;
        this.metrics = metrics;
    }

    void subscribe(MqttSubscribeMessage message, DeviceSession session) {
        metrics.received(MessageKind.SUBSCRIBE);
        List<MqttQoS> granted = new ArrayList<>();
        boolean cloudToDeviceRequested = false;
        for (MqttTopicSubscription request : message.payload().topicSubscriptions()) {
            Optional<Subscription> subscription = TopicTable.subscription(connection.deviceId(), request.topicFilter());
            if (subscription.isEmpty()) {
                LOG.warn("device {} may not subscribe to '{}'", connection.deviceId(), request.topicFilter());
                metrics.error("forbidden_subscription");
                granted.add(MqttQoS.FAILURE);
                continue;
            }
            connection.subscribe(subscription.get());
            cloudToDeviceRequested |= subscription.get() == Subscription.CLOUD_TO_DEVICE;
            granted.add(request.qualityOfService().value() >= 1 ? MqttQoS.AT_LEAST_ONCE : MqttQoS.AT_MOST_ONCE);
        }
        connection.write(MqttMessageBuilders.subAck().packetId(message.variableHeader().messageId())
                .addGrantedQoses(granted.toArray(MqttQoS[]::new)).build());
        blocking.execute(() -> sessions.subscribed(connection.deviceId()));
        if (cloudToDeviceRequested) {
            cloudToDevice.deliverPending(session);
        }
    }

    void unsubscribe(MqttUnsubscribeMessage message) {
        metrics.received(MessageKind.UNSUBSCRIBE);
        for (String filter : message.payload().topics()) {
            TopicTable.subscription(connection.deviceId(), filter).ifPresent(connection::unsubscribe);
        }
        connection.write(MqttMessageBuilders.unsubAck().packetId(message.variableHeader().messageId()).build());
    }
}
