package org.opencentral.core.provisioning;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;

/**
 * The outcome of a device's registration, kept so that registering again returns the same
 * assignment. {@code enrollmentGroup} is empty for an individual enrollment.
 */
public record Registration(String registrationId, DeviceId deviceId, Status status, Optional<String> enrollmentGroup,
        Optional<String> modelId, Instant createdAt, Instant updatedAt, String etag) {
    /** Assigned, or created but waiting for an operator's approval. */
    public enum Status { ASSIGNED, WAITING_FOR_APPROVAL }

    public Registration {
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(enrollmentGroup, "enrollmentGroup");
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(etag, "etag");
    }
}
