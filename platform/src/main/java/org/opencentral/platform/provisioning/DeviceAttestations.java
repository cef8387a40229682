package org.opencentral.platform.provisioning;

import java.time.Clock;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle;
import org.opencentral.core.event.PlatformEvent.DeviceLifecycle.Change;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.OutboxStore;
import org.opencentral.core.store.ProvisioningStore;

/**
 * Individual enrollments ({@code /devices/{id}/attestation}). A device without one attests with its
 * own SAS keys; a symmetric-key attestation sets those keys; an X.509 one lists its certificate
 * thumbprints; removing it returns the device to its keys. Blocking.
 */
public final class DeviceAttestations {
    private final DeviceStore devices;
    private final ProvisioningStore provisioning;
    private final OutboxStore outbox;
    private final Clock clock;

    public DeviceAttestations(DeviceStore devices, ProvisioningStore provisioning, OutboxStore outbox, Clock clock) {
        this.devices = devices;
        this.provisioning = provisioning;
        this.outbox = outbox;
        this.clock = clock;
    }

    public DeviceAttestation get(DeviceId id) {
        Device device = device(id);
        return provisioning.attestations().find(id).orElseGet(() -> new DeviceAttestation.SymmetricKey(device.keys()));
    }

    public DeviceAttestation put(DeviceId id, DeviceAttestation attestation) {
        Device device = device(id);
        switch (attestation) {
            case DeviceAttestation.SymmetricKey key -> outbox.run(events -> {
                provisioning.attestations().delete(id);
                if (!key.keys().equals(device.keys())) {
                    devices.update(device.withKeys(key.keys()), device.etag());
                    events.record(new DeviceLifecycle(id, clock.instant(), Change.UPDATED));
                }
            });
            case DeviceAttestation.X509 x509 -> provisioning.attestations().put(id, x509);
        }
        return get(id);
    }

    public void delete(DeviceId id) {
        device(id);
        provisioning.attestations().delete(id);
    }

    private Device device(DeviceId id) {
        return devices.find(id).orElseThrow(() -> DomainException.notFound("device '" + id + "'"));
    }
}
