package org.opencentral.core.provisioning;

import java.util.Objects;
import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/**
 * An IoT Central enrollment group: devices that attest with its keys (or certificates chaining to
 * its CA) may register themselves. {@code type} is {@code iot} or {@code iotEdge}.
 */
public record EnrollmentGroup(String id, String displayName, boolean enabled, String type,
        GroupAttestation attestation, String etag) {
    private static final Pattern ID = Pattern.compile("[a-zA-Z0-9-]{1,255}");

    public EnrollmentGroup {
        if (id == null || !ID.matcher(id).matches()) {
            throw DomainException.badRequest("invalid enrollment group id '" + id
                    + "': use 1 to 255 letters, digits or '-'");
        }
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(attestation, "attestation");
        Objects.requireNonNull(etag, "etag");
        if (!"iot".equals(type) && !"iotEdge".equals(type)) {
            throw DomainException.badRequest("enrollment group type must be 'iot' or 'iotEdge'");
        }
    }

    public EnrollmentGroup withAttestation(GroupAttestation next) {
        return new EnrollmentGroup(id, displayName, enabled, type, next, etag);
    }

    public EnrollmentGroup withEtag(String next) {
        return new EnrollmentGroup(id, displayName, enabled, type, attestation, next);
    }
}
