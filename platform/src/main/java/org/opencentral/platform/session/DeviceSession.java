package org.opencentral.platform.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.C2dMessage;

/**
 * A live connection of one device, implemented by a transport (MQTT today). The platform pushes
 * to the device through it; every method returns at once (the transport writes asynchronously).
 */
public interface DeviceSession {
    DeviceId deviceId();

    /** Whether the device has subscribed to receive this kind of message. */
    boolean isSubscribed(Subscription subscription);

    /** Sends a desired-properties patch (the body already carries {@code $version}). */
    void sendDesiredPatch(ObjectNode patch, long version);

    /** Sends a direct method request; the answer comes back through {@code CommandService.onResponse}. */
    void sendMethodRequest(String methodName, String requestId, byte[] payload);

    /**
     * Sends a cloud-to-device message; the transport calls
     * {@code CloudToDeviceService.acknowledged} once the device confirms it.
     */
    void sendCloudToDevice(C2dMessage message);

    /** Closes the connection, for the reason given (logged and reported in the disconnect event). */
    void close(String reason);

    /** What a device can subscribe to. */
    enum Subscription { DESIRED_PROPERTIES, METHODS, CLOUD_TO_DEVICE, TWIN_RESPONSES }
}
