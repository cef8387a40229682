package org.opencentral.store.jdbc;

import org.opencentral.core.store.DeviceAttestationStore;
import org.opencentral.core.store.EnrollmentGroupStore;
import org.opencentral.core.store.ProvisioningSettingsStore;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.core.store.RegistrationStore;

/** The provisioning ports over one database. */
final class JdbcProvisioningStore implements ProvisioningStore, ProvisioningSettingsStore {
    private static final String AUTO_APPROVE = "autoApprove";

    private final JdbcDatabase database;
    private final EnrollmentGroupStore groups;
    private final DeviceAttestationStore attestations;
    private final RegistrationStore registrations;

    JdbcProvisioningStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.groups = new JdbcEnrollmentGroupStore(database, keys);
        this.attestations = new JdbcDeviceAttestationStore(database, keys);
        this.registrations = new JdbcRegistrationStore(database);
    }

    @Override
    public EnrollmentGroupStore groups() {
        return groups;
    }

    @Override
    public DeviceAttestationStore attestations() {
        return attestations;
    }

    @Override
    public RegistrationStore registrations() {
        return registrations;
    }

    @Override
    public ProvisioningSettingsStore settings() {
        return this;
    }

    @Override
    public boolean autoApprove() {
        return database.read(c -> Jdbc.queryOne(c, "SELECT value FROM provisioning_settings WHERE name = ?",
                row -> Boolean.parseBoolean(row.getString(1)), AUTO_APPROVE)).orElse(true);
    }

    @Override
    public void setAutoApprove(boolean autoApprove) {
        database.write(c -> Jdbc.update(c, "INSERT INTO provisioning_settings (name, value) VALUES (?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET value = excluded.value", AUTO_APPROVE,
                String.valueOf(autoApprove)));
    }
}
