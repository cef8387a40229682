package org.opencentral.api.provisioning;

import java.util.Objects;
import org.opencentral.platform.provisioning.DeviceAttestations;
import org.opencentral.platform.provisioning.EnrollmentGroupService;
import org.opencentral.platform.provisioning.SigningCertificates;

/** The provisioning services the REST API calls. */
public record ProvisioningServices(EnrollmentGroupService groups, SigningCertificates certificates,
        DeviceAttestations attestations) {
    public ProvisioningServices {
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(certificates, "certificates");
        Objects.requireNonNull(attestations, "attestations");
    }
}
