package org.opencentral.platform.provisioning;

import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.platform.device.DeviceAuthentication;
import org.opencentral.platform.device.DeviceAuthentication.Accepted;
import org.opencentral.platform.device.DeviceAuthentication.Reason;
import org.opencentral.platform.device.DeviceAuthentication.Refused;

/**
 * X.509 authentication of a hub connection (no password, a TLS client certificate): the leaf must
 * be valid now and either match the device's attestation thumbprint, or name the device in its CN
 * and chain to a verified CA of an enabled X.509 enrollment group. Blocking.
 */
public final class CertificateAuthenticator {
    private final DeviceStore devices;
    private final ProvisioningStore provisioning;
    private final GroupCertificates groups;
    private final Clock clock;

    public CertificateAuthenticator(DeviceStore devices, ProvisioningStore provisioning, Clock clock) {
        this.devices = devices;
        this.provisioning = provisioning;
        this.groups = new GroupCertificates(provisioning.groups());
        this.clock = clock;
    }

    public DeviceAuthentication authenticate(DeviceId id, CertificateChain chain) {
        if (!chain.leafValidAt(clock.instant())) {
            return new Refused(Reason.EXPIRED, "client certificate is expired or not yet valid");
        }
        Optional<Device> found = devices.find(id);
        if (found.isEmpty()) {
            return new Refused(Reason.UNKNOWN_DEVICE, "no such device");
        }
        if (!ownCertificate(id, chain) && !groupCertificate(id, chain)) {
            return new Refused(Reason.BAD_CREDENTIALS, "client certificate is not this device's");
        }
        if (!found.get().enabled()) {
            return new Refused(Reason.DISABLED, "device is disabled");
        }
        return new Accepted(id);
    }

    private boolean ownCertificate(DeviceId id, CertificateChain chain) {
        return provisioning.attestations().find(id)
                .map(a -> a instanceof DeviceAttestation.X509 x509 && x509.matches(chain.thumbprint()))
                .orElse(false);
    }

    private boolean groupCertificate(DeviceId id, CertificateChain chain) {
        return chain.commonName().map(id.value()::equals).orElse(false)
                && groups.groupOf(chain).map(EnrollmentGroup::enabled).orElse(false);
    }
}
