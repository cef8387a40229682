package org.opencentral.platform.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.platform.provisioning.Attested.Group;
import org.opencentral.platform.provisioning.Attested.Individual;
import org.opencentral.platform.provisioning.Attested.Rejected;

/** SAS attestation: individual keys before group-derived ones, resource and expiry checks. */
@Timeout(30)
class AttestorTest {
    @TempDir
    Path dir;
    DpsFixture dps;
    Attestor attestor;
    SymmetricKeys group;

    @BeforeEach
    void open() {
        dps = new DpsFixture(dir);
        attestor = new Attestor(dps.state.devices(), dps.state.provisioning(), dps.clock);
        group = dps.keyGroup("fleet", true);
    }

    @AfterEach
    void close() {
        dps.close();
    }

    @Test
    void aKeyDerivedFromAGroupKeyAttestsAsThatGroupWithTheDerivedKeys() {
        String key = KeyDerivation.deviceKey(group.secondaryKey(), "sensor-1");

        Attested attested = sas("sensor-1", dps.token("sensor-1", key));

        assertThat(attested).isInstanceOfSatisfying(Group.class, g -> {
            assertThat(g.group().id()).isEqualTo("fleet");
            assertThat(g.deviceKeys()).hasValue(KeyDerivation.deviceKeys(group, "sensor-1"));
        });
    }

    @Test
    void aDevicesOwnKeyIsAnIndividualEnrollment() {
        Device device = dps.device("own-keys-1", true);

        assertThat(sas("own-keys-1", dps.token("own-keys-1", device.keys().secondaryKey())))
                .isInstanceOfSatisfying(Individual.class, i -> assertThat(i.device().id()).isEqualTo(device.id()));
    }

    @Test
    void wrongKeysResourcesAndExpiredTokensAreRejected() {
        String key = KeyDerivation.deviceKey(group.primaryKey(), "sensor-2");

        assertThat(sas("sensor-2", dps.token("sensor-2", KeyDerivation.deviceKey(group.primaryKey(), "x"))))
                .isInstanceOf(Rejected.class);
        assertThat(sas("sensor-2", dps.token("sensor-3", key))).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.detail()).contains("resource"));
        String token = dps.token("sensor-2", key, dps.clock.instant().plusSeconds(10));
        assertThat(sas("sensor-2", token)).isInstanceOf(Group.class);
        dps.clock.advance(Duration.ofSeconds(10));
        assertThat(sas("sensor-2", token)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.detail()).contains("expired"));
        assertThat(attestor.attest(DpsFixture.SCOPE, "sensor-2", new RegistrationCredential.None()))
                .isInstanceOf(Rejected.class);
    }

    @Test
    void rejectionDetailsNeverContainTheToken() {
        String token = dps.token("sensor-4", KeyDerivation.deviceKey(group.primaryKey(), "nope"));

        assertThat(((Rejected) sas("sensor-4", token)).detail()).doesNotContain("sig=");
        assertThat(new RegistrationCredential.Sas(token).toString()).doesNotContain(token);
    }

    private Attested sas(String registrationId, String token) {
        return attestor.attest(DpsFixture.SCOPE, registrationId, new RegistrationCredential.Sas(token));
    }
}
