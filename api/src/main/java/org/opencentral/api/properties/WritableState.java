package org.opencentral.api.properties;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a writable property stands (OpenCentral's {@code $metadata.{name}.state}): pending until
 * the device acknowledges the desired version ({@code av} at least the desired version); then
 * accepted ({@code ac} 200 or 203), still pending while in progress (202), or rejected (4xx/5xx).
 * A device-set value ({@code ac} 203) without a desired value is accepted.
 */
enum WritableState {
    PENDING, ACCEPTED, REJECTED;

    String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<WritableState> of(Optional<Long> desiredVersion, Optional<Ack> ack) {
        if (desiredVersion.isEmpty()) {
            return ack.map(WritableState::ofCode);
        }
        if (ack.isEmpty() || ack.get().version().orElse(0L) < desiredVersion.get()) {
            return Optional.of(PENDING);
        }
        return Optional.of(ofCode(ack.get()));
    }

    private static WritableState ofCode(Ack ack) {
        int code = ack.code();
        if (code == 202) {
            return PENDING;
        }
        return code >= 200 && code < 300 ? ACCEPTED : REJECTED;
    }
}
