package org.opencentral.core.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.opencentral.core.device.DeviceId;

/** A cloud-to-device message waiting for its device to take it (PUBACK) or to expire. */
public record C2dMessage(DeviceId deviceId, String messageId, Instant enqueuedAt, Instant expiresAt,
        Map<String, String> properties, byte[] body) {
    public C2dMessage {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        properties = Map.copyOf(properties);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof C2dMessage m && deviceId.equals(m.deviceId) && messageId.equals(m.messageId)
                && enqueuedAt.equals(m.enqueuedAt) && expiresAt.equals(m.expiresAt)
                && properties.equals(m.properties) && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, messageId, enqueuedAt, expiresAt, properties, Arrays.hashCode(body));
    }
}
