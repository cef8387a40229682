package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.KEYS;
import static org.opencentral.store.contract.Fixtures.T0;
import static org.opencentral.store.contract.Fixtures.assertFails;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.provisioning.CertificateEntry;
import org.opencentral.core.provisioning.ClientCertificate;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.provisioning.Registration;
import org.opencentral.core.provisioning.SigningCertificate;
import org.opencentral.core.store.ProvisioningStore;

/** Enrollment groups, device attestations, registrations and settings. */
public interface ProvisioningStoreContract extends StoreFixture {
    String THUMB_A = "0123456789ABCDEF0123456789ABCDEF01234567";
    String THUMB_B = "89ABCDEF0123456789ABCDEF0123456789ABCDEF";

    private ProvisioningStore provisioning() {
        return store().provisioning();
    }

    private static EnrollmentGroup keyGroup(String id) {
        return new EnrollmentGroup(id, "Group " + id, true, "iot", new GroupAttestation.SymmetricKey(KEYS), "");
    }

    @Test
    default void groupsRoundTripAndAreListedById() {
        EnrollmentGroup stored = provisioning().groups().insert(keyGroup("b"));
        SigningCertificate ca = new SigningCertificate("MIIB...", THUMB_A, false, Optional.of("code"), "e1");
        provisioning().groups().insert(new EnrollmentGroup("a", "A", false, "iotEdge",
                GroupAttestation.X509.EMPTY.with(CertificateEntry.SECONDARY, Optional.of(ca)), ""));

        assertThat(stored.etag()).isNotBlank();
        assertThat(provisioning().groups().find("b")).contains(stored);
        assertThat(provisioning().groups().list()).extracting(EnrollmentGroup::id).containsExactly("a", "b");
        GroupAttestation.X509 x509 = (GroupAttestation.X509) provisioning().groups().find("a").orElseThrow()
                .attestation();
        assertThat(x509.primary()).isEmpty();
        assertThat(x509.secondary()).contains(ca);
    }

    @Test
    default void groupUpdatesCheckTheEtag() {
        EnrollmentGroup stored = provisioning().groups().insert(keyGroup("g"));
        assertFails(ErrorCode.CONFLICT, () -> provisioning().groups().insert(keyGroup("g")));

        EnrollmentGroup updated = provisioning().groups().update(
                new EnrollmentGroup("g", "renamed", false, "iot", stored.attestation(), ""), stored.etag());

        assertThat(updated.etag()).isNotEqualTo(stored.etag());
        assertThat(provisioning().groups().find("g")).contains(updated);
        assertFails(ErrorCode.PRECONDITION_FAILED, () -> provisioning().groups().update(updated, stored.etag()));
        assertFails(ErrorCode.NOT_FOUND, () -> provisioning().groups().update(keyGroup("x"), "e"));
        assertThat(provisioning().groups().delete("g")).isTrue();
        assertThat(provisioning().groups().delete("g")).isFalse();
    }

    @Test
    default void deviceAttestationsAreFoundByThumbprintAndGoWithTheirDevice() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        DeviceAttestation x509 = new DeviceAttestation.X509(new ClientCertificate(Optional.of("PEM"), THUMB_A),
                Optional.of(new ClientCertificate(Optional.empty(), THUMB_B)));
        provisioning().attestations().put(id("d1"), x509);
        provisioning().attestations().put(id("d2"), new DeviceAttestation.SymmetricKey(KEYS));

        assertThat(provisioning().attestations().find(id("d1"))).contains(x509);
        assertThat(provisioning().attestations().findByThumbprint(THUMB_B)).contains(id("d1"));
        assertFails(ErrorCode.NOT_FOUND, () -> provisioning().attestations().put(id("nope"), x509));

        provisioning().attestations().put(id("d1"), new DeviceAttestation.SymmetricKey(KEYS));
        assertThat(provisioning().attestations().findByThumbprint(THUMB_A)).isEmpty();
        store().devices().delete(id("d2"));
        assertThat(provisioning().attestations().find(id("d2"))).isEmpty();
        assertThat(provisioning().attestations().delete(id("d1"))).isTrue();
    }

    @Test
    default void registrationsAreReplacedAndDeletedWithTheirDevice() {
        store().devices().insert(device("d1"));
        Registration waiting = new Registration("d1", id("d1"), Registration.Status.WAITING_FOR_APPROVAL,
                Optional.of("g"), Optional.of("dtmi:com:example:Thermostat;1"), T0, T0, "e1");
        provisioning().registrations().put(waiting);
        assertThat(provisioning().registrations().find("d1")).contains(waiting);

        Registration assigned = new Registration("d1", id("d1"), Registration.Status.ASSIGNED, Optional.empty(),
                Optional.empty(), T0, T0.plus(Duration.ofMinutes(1)), "e2");
        provisioning().registrations().put(assigned);
        assertThat(provisioning().registrations().find("d1")).contains(assigned);

        store().devices().delete(id("d1"));
        assertThat(provisioning().registrations().find("d1")).isEmpty();
    }

    @Test
    default void autoApproveDefaultsToOnAndSurvivesAReopen() {
        assertThat(provisioning().settings().autoApprove()).isTrue();
        provisioning().settings().setAutoApprove(false);

        assertThat(reopen().provisioning().settings().autoApprove()).isFalse();
    }
}
