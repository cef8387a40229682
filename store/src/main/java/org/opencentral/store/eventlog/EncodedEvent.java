package org.opencentral.store.eventlog;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform event as log columns: when, which kind, which device, a JSON payload with the
 * kind's fields, and the raw telemetry body (empty for other kinds; kept out of the JSON so it
 * round-trips byte for byte without base64). {@code deviceId} is {@link #NO_DEVICE} for events
 * about no device (audit entries, template lifecycle); the table stores NULL then.
 */
public record EncodedEvent(Instant time, String kind, String deviceId, String payload, byte[] body) {
    /** The device id of events that concern no device. */
    public static final String NO_DEVICE = "";

    public EncodedEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(body, "body");
    }

    /** The time as nanoseconds since the epoch (exact for years 1678 to 2261). */
    public long epochNanos() {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
    }

    public static Instant instantOfEpochNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
