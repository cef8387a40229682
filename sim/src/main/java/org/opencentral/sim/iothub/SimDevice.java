package org.opencentral.sim.iothub;

import java.util.Optional;

/** A device the load generator drives: its id and, for IoT Hub mode, its primary key (base64). */
public record SimDevice(String id, Optional<String> primaryKey) {
    public SimDevice {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("device id must not be blank");
        }
        primaryKey = primaryKey == null ? Optional.empty() : primaryKey;
    }

    /** {@code prefix-000042}: zero-padded so that ids sort in creation order. */
    public static String idFor(String prefix, int index) {
        return "%s-%06d".formatted(prefix, index);
    }
}
