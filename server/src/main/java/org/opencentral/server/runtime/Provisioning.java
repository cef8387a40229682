package org.opencentral.server.runtime;

import java.time.Clock;
import org.opencentral.api.provisioning.ProvisioningServices;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.provisioning.CertificateAuthenticator;
import org.opencentral.platform.provisioning.DeviceAttestations;
import org.opencentral.platform.provisioning.EnrollmentGroupService;
import org.opencentral.platform.provisioning.ProvisioningEndpoint;
import org.opencentral.platform.provisioning.ProvisioningService;
import org.opencentral.platform.provisioning.SigningCertificates;
import org.opencentral.platform.provisioning.TemplateAssigner;

/**
 * The provisioning services: DPS (ID scope of the application, devices assigned to the public
 * host), X.509 device authentication and the REST side (enrollment groups, attestations).
 */
record Provisioning(ProvisioningService dps, CertificateAuthenticator certificates, ProvisioningServices api) {

    static Provisioning create(StateStore state, ApplicationIdentity identity, String publicHost,
            TemplateAssigner templates, Clock clock) {
        EnrollmentGroupService groups = new EnrollmentGroupService(state.provisioning().groups());
        return new Provisioning(
                new ProvisioningService(new ProvisioningEndpoint(identity.idScope(), publicHost), state.devices(),
                        state.provisioning(), state.outbox(), templates, clock),
                new CertificateAuthenticator(state.devices(), state.provisioning(), clock),
                new ProvisioningServices(groups, new SigningCertificates(groups),
                        new DeviceAttestations(state.devices(), state.provisioning(), state.outbox(), clock)));
    }
}
