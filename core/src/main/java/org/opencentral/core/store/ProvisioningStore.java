package org.opencentral.core.store;

/** The provisioning ports of the state store. */
public interface ProvisioningStore {
    EnrollmentGroupStore groups();

    DeviceAttestationStore attestations();

    RegistrationStore registrations();

    ProvisioningSettingsStore settings();
}
