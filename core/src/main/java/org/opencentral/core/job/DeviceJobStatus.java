package org.opencentral.core.job;

import java.util.Arrays;
import java.util.Optional;

/** Where one device stands in a job: not run yet, done, or failed (with a reason). */
public enum DeviceJobStatus {
    PENDING, COMPLETED, FAILED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<DeviceJobStatus> ofWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
