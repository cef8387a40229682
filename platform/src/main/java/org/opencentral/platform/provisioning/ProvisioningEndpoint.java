package org.opencentral.platform.provisioning;

import java.util.Objects;

/** Who this DPS is: the application's ID scope and the hub host it assigns devices to. */
public record ProvisioningEndpoint(String idScope, String assignedHub) {
    public ProvisioningEndpoint {
        Objects.requireNonNull(idScope, "idScope");
        Objects.requireNonNull(assignedHub, "assignedHub");
        if (idScope.isBlank() || assignedHub.isBlank()) {
            throw new IllegalArgumentException("idScope and assignedHub must not be blank");
        }
    }
}
