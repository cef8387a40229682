package org.opencentral.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.Registration;

/** Turning an attested registration into a device and a registration record. */
@Timeout(30)
class DeviceEnrollerTest {
    @TempDir
    Path dir;
    DpsFixture dps;
    DeviceEnroller enroller;
    EnrollmentGroup group;

    @BeforeEach
    void open() {
        dps = new DpsFixture(dir);
        dps.keyGroup("fleet", true);
        group = dps.state.provisioning().groups().find("fleet").orElseThrow();
        enroller = new DeviceEnroller(dps.state.devices(), dps.state.provisioning(), dps.state.outbox(),
                modelId -> Optional.of("template-of-" + modelId), dps.clock);
    }

    @AfterEach
    void close() {
        dps.close();
    }

    @Test
    void anUnknownDeviceIsCreatedWithItsDerivedKeysAndTheTemplateOfItsModel() {
        SymmetricKeys derived = KeyDerivation.deviceKeys(((org.opencentral.core.provisioning.GroupAttestation.SymmetricKey)
                group.attestation()).keys(), "new-1");

        DeviceEnroller.Enrolled enrolled = enroller.enroll(DeviceId.of("new-1"),
                new Attested.Group(group, Optional.of(derived)), Optional.of("dtmi:a:b;1"));

        Device device = enrolled.device();
        assertThat(device.keys()).isEqualTo(derived);
        assertThat(device.template()).hasValue("template-of-dtmi:a:b;1");
        assertThat(device.enabled()).isTrue();
        assertThat(device.provisioned()).isTrue();
        assertThat(enrolled.registration().status()).isEqualTo(Registration.Status.ASSIGNED);
        assertThat(enrolled.registration().enrollmentGroup()).hasValue("fleet");
        assertThat(enrolled.registration().modelId()).hasValue("dtmi:a:b;1");
    }

    @Test
    void aKnownDeviceKeepsItsTemplateAndBecomesProvisioned() {
        Device existing = dps.device("known-1", true);
        dps.state.devices().update(existing.toBuilder().displayName("Known").template("chosen").enabled(true)
                .simulated(false).provisioned(false).modelId(Optional.empty()).build(),
                existing.etag());

        Device device = enroller.enroll(existing.id(), new Attested.Individual(existing), Optional.of("dtmi:x;1"))
                .device();

        assertThat(device.template()).hasValue("chosen");
        assertThat(device.provisioned()).isTrue();
        assertThat(device.keys()).isEqualTo(existing.keys());
    }

    @Test
    void aModelIdFromAnEarlierRegistrationIsKeptWhenTheNextSendsNone() {
        DeviceId id = DeviceId.of("repeat-1");
        Registration first = enroller.enroll(id, new Attested.Group(group, Optional.empty()), Optional.of("dtmi:r;1"))
                .registration();

        Registration second = enroller.enroll(id, new Attested.Group(group, Optional.empty()), Optional.empty())
                .registration();

        assertThat(second.modelId()).hasValue("dtmi:r;1");
        assertThat(second.createdAt()).isEqualTo(first.createdAt());
        assertThat(second.etag()).isNotEqualTo(first.etag());
    }
}
