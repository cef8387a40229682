package org.opencentral.store.jdbc;

import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.provisioning.ClientCertificate;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.store.DeviceAttestationStore;

/** Individual attestations; X.509 thumbprints get columns of their own so devices can be found by them. */
final class JdbcDeviceAttestationStore implements DeviceAttestationStore {
    private final JdbcDatabase database;
    private final SealedKeys keys;

    JdbcDeviceAttestationStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.keys = keys;
    }

    @Override
    public Optional<DeviceAttestation> find(DeviceId id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT attestation FROM device_attestations WHERE device_id = ?",
                row -> ProvisioningJson.device(row.getString(1), id.value(), keys), id.value()));
    }

    @Override
    public void put(DeviceId id, DeviceAttestation attestation) {
        Object primary = SqlNull.TEXT;
        Object secondary = SqlNull.TEXT;
        if (attestation instanceof DeviceAttestation.X509 x509) {
            primary = x509.primary().sha1Thumbprint();
            secondary = Jdbc.nullableText(x509.secondary().map(ClientCertificate::sha1Thumbprint));
        }
        Object[] parameters = {id.value(), ProvisioningJson.device(attestation, id.value(), keys), primary, secondary};
        database.write(c -> {
            if (!Jdbc.exists(c, "SELECT 1 FROM devices WHERE id = ?", id.value())) {
                throw DomainException.notFound("device '" + id + "'");
            }
            return Jdbc.update(c, "INSERT INTO device_attestations (device_id, attestation, primary_thumbprint, "
                    + "secondary_thumbprint) VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET "
                    + "attestation = excluded.attestation, primary_thumbprint = excluded.primary_thumbprint, "
                    + "secondary_thumbprint = excluded.secondary_thumbprint", parameters);
        });
    }

    @Override
    public boolean delete(DeviceId id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM device_attestations WHERE device_id = ?",
                id.value())) > 0;
    }

    @Override
    public Optional<DeviceId> findByThumbprint(String sha1Thumbprint) {
        return database.read(c -> Jdbc.query(c, "SELECT device_id FROM device_attestations WHERE "
                + "primary_thumbprint = ? OR secondary_thumbprint = ? ORDER BY device_id",
                row -> DeviceId.of(row.getString(1)), sha1Thumbprint, sha1Thumbprint).stream().findFirst());
    }
}
