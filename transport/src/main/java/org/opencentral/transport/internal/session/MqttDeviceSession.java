package org.opencentral.transport.internal.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.mqtt.MqttQoS;
import java.nio.charset.StandardCharsets;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;
import org.opencentral.platform.session.DeviceSession;
import org.opencentral.transport.internal.metrics.MessageKind;
import org.opencentral.transport.internal.pipeline.CloseReason;

/** The platform's handle on an MQTT connection. Every method returns at once and is thread-safe. */
final class MqttDeviceSession implements DeviceSession {
    private final DeviceConnection connection;
    private final MethodCalls methods;
    private final CloudToDeviceDelivery cloudToDevice;

    MqttDeviceSession(DeviceConnection connection, MethodCalls methods, CloudToDeviceDelivery cloudToDevice) {
        this.connection = connection;
        this.methods = methods;
        this.cloudToDevice = cloudToDevice;
    }

    @Override
    public DeviceId deviceId() {
        return connection.deviceId();
    }

    @Override
    public boolean isSubscribed(Subscription subscription) {
        return connection.isSubscribed(subscription);
    }

    @Override
    public void sendDesiredPatch(ObjectNode patch, long version) {
        connection.publish("$iothub/twin/PATCH/properties/desired/?$version=" + version,
                Json.write(patch).getBytes(StandardCharsets.UTF_8), MqttQoS.AT_MOST_ONCE, 0, MessageKind.DESIRED_PATCH);
    }

    @Override
    public void sendMethodRequest(String methodName, String requestId, byte[] payload) {
        methods.request(methodName, requestId, payload);
    }

    @Override
    public void sendCloudToDevice(C2dMessage message) {
        cloudToDevice.send(message);
    }

    @Override
    public void close(String reason) {
        connection.close(CloseReason.PLATFORM, reason);
    }

    @Override
    public String toString() {
        return "MqttDeviceSession[" + connection.deviceId() + " " + connection.channel().remoteAddress() + "]";
    }
}
