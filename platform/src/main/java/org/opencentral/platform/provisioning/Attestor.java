package org.opencentral.platform.provisioning;

import java.time.Clock;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.ProvisioningStore;
import org.opencentral.platform.provisioning.Attested.Group;
import org.opencentral.platform.provisioning.Attested.Individual;
import org.opencentral.platform.provisioning.Attested.Rejected;
import org.opencentral.platform.security.SasToken;

/**
 * Checks a registration credential. SAS: {@code sr} must be {@code {idScope}/registrations/{regId}},
 * signed with the device's own key (individual enrollments take precedence) or a key derived from a
 * symmetric-key group's, and not expired. Certificate: the leaf's CN is the registration id, it is
 * valid now, and its thumbprint is the device's attestation or it chains to a group's CA.
 * Blocking (reads the store).
 */
public final class Attestor {
    private final DeviceStore devices;
    private final ProvisioningStore provisioning;
    private final GroupCertificates groupCertificates;
    private final Clock clock;

    public Attestor(DeviceStore devices, ProvisioningStore provisioning, Clock clock) {
        this.devices = devices;
        this.provisioning = provisioning;
        this.groupCertificates = new GroupCertificates(provisioning.groups());
        this.clock = clock;
    }

    public Attested attest(String idScope, String registrationId, RegistrationCredential credential) {
        return switch (credential) {
            case RegistrationCredential.Sas sas -> sas(idScope, registrationId, sas.token());
            case RegistrationCredential.Certificate certificate -> certificate(registrationId, certificate.chain());
            case RegistrationCredential.None none -> new Rejected("no SAS token and no client certificate");
        };
    }

    private Attested sas(String idScope, String registrationId, String password) {
        Optional<SasToken> parsed = SasToken.parse(password);
        if (parsed.isEmpty()) {
            return new Rejected("password is not a SAS token");
        }
        SasToken token = parsed.get();
        if (!token.decodedResource().equalsIgnoreCase(idScope + "/registrations/" + registrationId)) {
            return new Rejected("token resource does not name this registration");
        }
        Attested signer = signer(token, registrationId);
        if (signer instanceof Rejected || token.expiry() > clock.instant().getEpochSecond()) {
            return signer;
        }
        return new Rejected("token expired at " + token.expiry());
    }

    private Attested signer(SasToken token, String registrationId) {
        Optional<Device> device = findDevice(registrationId);
        if (device.isPresent() && ownKeys(device.get()) && (token.isSignedWith(device.get().keys().primaryKey())
                || token.isSignedWith(device.get().keys().secondaryKey()))) {
            return new Individual(device.get());
        }
        for (EnrollmentGroup group : provisioning.groups().list()) {
            if (group.attestation() instanceof GroupAttestation.SymmetricKey key) {
                var derived = KeyDerivation.deviceKeys(key.keys(), registrationId);
                if (token.isSignedWith(derived.primaryKey()) || token.isSignedWith(derived.secondaryKey())) {
                    return new Group(group, Optional.of(derived));
                }
            }
        }
        return new Rejected("signature matches neither the device's keys nor a group's");
    }

    private boolean ownKeys(Device device) {
        return provisioning.attestations().find(device.id())
                .map(a -> a instanceof DeviceAttestation.SymmetricKey).orElse(true);
    }

    private Attested certificate(String registrationId, CertificateChain chain) {
        if (!chain.commonName().map(registrationId::equals).orElse(false)) {
            return new Rejected("certificate CN is not the registration id");
        }
        if (!chain.leafValidAt(clock.instant())) {
            return new Rejected("certificate is expired or not yet valid");
        }
        Optional<Device> owner = provisioning.attestations().findByThumbprint(chain.thumbprint())
                .filter(id -> id.value().equals(registrationId)).flatMap(devices::find);
        if (owner.isPresent()) {
            return new Individual(owner.get());
        }
        return groupCertificates.groupOf(chain).<Attested>map(group -> new Group(group, Optional.empty()))
                .orElseGet(() -> new Rejected("certificate chains to no verified enrollment group CA"));
    }

    private Optional<Device> findDevice(String registrationId) {
        try {
            return devices.find(DeviceId.of(registrationId));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
