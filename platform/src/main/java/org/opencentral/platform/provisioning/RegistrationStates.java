package org.opencentral.platform.provisioning;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.opencentral.core.Json;
import org.opencentral.core.provisioning.Registration;

/** RegistrationOperationStatus bodies (reference §2.1), without {@code operationId} (set by {@link RegistrationOperations}). */
final class RegistrationStates {
    private RegistrationStates() {
    }

    static ObjectNode assigned(Registration registration, String assignedHub) {
        ObjectNode status = Json.object().put("status", "assigned");
        status.putObject("registrationState")
                .put("registrationId", registration.registrationId())
                .put("createdDateTimeUtc", registration.createdAt().toString())
                .put("assignedHub", assignedHub)
                .put("deviceId", registration.deviceId().value())
                .put("status", "assigned")
                .put("substatus", "initialAssignment")
                .put("lastUpdatedDateTimeUtc", registration.updatedAt().toString())
                .put("etag", registration.etag());
        return status;
    }

    /** A refused registration (disabled group or device, or a device waiting for approval). */
    static ObjectNode disabled(String registrationId, String message, java.time.Instant now) {
        ObjectNode status = Json.object().put("status", "disabled");
        status.putObject("registrationState")
                .put("registrationId", registrationId)
                .put("createdDateTimeUtc", now.toString())
                .put("status", "disabled")
                .put("errorCode", 401003)
                .put("errorMessage", message)
                .put("lastUpdatedDateTimeUtc", now.toString());
        return status;
    }
}
