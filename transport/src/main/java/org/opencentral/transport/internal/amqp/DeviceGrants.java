package org.opencentral.transport.internal.amqp;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.opencentral.core.device.DeviceId;

/**
 * The devices a connection has proven over CBS (or with its certificate), each until its SAS token
 * (or certificate) expires; each grant's expiry is handed to {@code granted}, so that the connection
 * closes then. Event loop only.
 */
final class DeviceGrants {
    private final Map<DeviceId, Instant> until = new HashMap<>();
    private final Consumer<Instant> granted;

    DeviceGrants(Consumer<Instant> granted) {
        this.granted = granted;
    }

    void grant(DeviceId device, Instant expiry) {
        until.put(device, expiry);
        granted.accept(expiry);
    }

    /** When the first of the granted tokens expires, if any is granted. */
    Optional<Instant> firstExpiry() {
        return until.values().stream().min(Instant::compareTo);
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
