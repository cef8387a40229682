package org.opencentral.platform.assembly;

import java.time.Clock;
import org.opencentral.core.store.StateStore;
import org.opencentral.platform.provisioning.CertificateAuthenticator;
import org.opencentral.platform.provisioning.DeviceAttestations;
import org.opencentral.platform.provisioning.EnrollmentGroupService;
import org.opencentral.platform.provisioning.ProvisioningEndpoint;
import org.opencentral.platform.provisioning.ProvisioningService;
import org.opencentral.platform.provisioning.SigningCertificates;
import org.opencentral.platform.template.TemplateAssignment;
import org.opencentral.core.template.DeviceTemplate;

/**
 * The provisioning services: DPS (the application's ID scope, devices assigned to the public host,
 * templates by announced model), X.509 device authentication, enrollment groups and attestations.
 */
public record Provisioning(ProvisioningService dps, CertificateAuthenticator certificates,
        EnrollmentGroupService groups, SigningCertificates signingCertificates, DeviceAttestations attestations) {

    static Provisioning create(StateStore state, PlatformSettings settings, TemplateAssignment templates,
            Clock clock) {
        EnrollmentGroupService groups = new EnrollmentGroupService(state.provisioning().groups());
        return new Provisioning(
                new ProvisioningService(new ProvisioningEndpoint(settings.idScope(), settings.publicHost()),
                        state.devices(), state.provisioning(), state.outbox(),
                        modelId -> templates.templateFor(modelId).map(DeviceTemplate::id), clock),
                new CertificateAuthenticator(state.devices(), state.provisioning(), clock),
                groups, new SigningCertificates(groups),
                new DeviceAttestations(state.devices(), state.provisioning(), state.outbox(), clock));
    }
}
