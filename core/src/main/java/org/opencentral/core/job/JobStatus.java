package org.opencentral.core.job;

import java.util.Arrays;
import java.util.Optional;

/** A job's status, IoT Central's names. Terminal: complete, failed, cancelled. */
public enum JobStatus {
    PENDING, RUNNING, STOPPED, COMPLETE, FAILED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean terminal() {
        return this == COMPLETE || this == FAILED || this == CANCELLED;
    }

    public static Optional<JobStatus> ofWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
