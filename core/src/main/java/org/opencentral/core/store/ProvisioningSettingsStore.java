package org.opencentral.core.store;

/** Application-wide provisioning settings. */
public interface ProvisioningSettingsStore {
    /** Whether devices that register through a group are approved at once (default true). */
    boolean autoApprove();

    void setAutoApprove(boolean autoApprove);
}
