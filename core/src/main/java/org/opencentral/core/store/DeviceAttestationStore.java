package org.opencentral.core.store;

import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.provisioning.DeviceAttestation;

/** Individual enrollments: a device's own attestation (deleted with the device). */
public interface DeviceAttestationStore {
    Optional<DeviceAttestation> find(DeviceId id);

    /** Creates or replaces the device's attestation; NOT_FOUND if the device does not exist. */
    void put(DeviceId id, DeviceAttestation attestation);

    boolean delete(DeviceId id);

    /** The device whose X.509 attestation holds this SHA-1 thumbprint (upper-case hex). */
    Optional<DeviceId> findByThumbprint(String sha1Thumbprint);
}
