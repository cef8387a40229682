package org.opencentral.transport.internal.amqp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.opencentral.core.device.DeviceId;

/**
 * The devices a connection has proven over CBS, each until its SAS token expires. Event loop only.
 */
final class DeviceGrants {
    private final Map<DeviceId, Instant> until = new HashMap<>();

    void grant(DeviceId device, Instant expiry) {
        until.put(device, expiry);
    }

    /** Whether {@code device} holds a token that has not expired at {@code now}. */
    boolean holds(DeviceId device, Instant now) {
        Instant expiry = until.get(device);
        return expiry != null && now.isBefore(expiry);
    }

    /** Whether some device's token has expired at {@code now}. */
    boolean anyExpired(Instant now) {
        return until.values().stream().anyMatch(expiry -> !now.isBefore(expiry));
    }
}
