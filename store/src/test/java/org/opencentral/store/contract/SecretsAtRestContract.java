package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.opencentral.store.contract.Fixtures.KEYS;
import static org.opencentral.store.contract.Fixtures.device;
import static org.opencentral.store.contract.Fixtures.id;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.SymmetricKeys;
import org.opencentral.core.provisioning.DeviceAttestation;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.provisioning.GroupAttestation;
import org.opencentral.core.secret.SecretCipherException;
import org.opencentral.core.secret.SecretKeyMismatchException;
import org.opencentral.store.secret.AesGcmSecretCipher;

/**
 * Device, enrollment-group and individual-enrollment keys are stored sealed, read back whole, bound
 * to their row, and keys stored in plaintext by an older version are sealed once when the store opens.
 * The raw columns are read with plain JDBC, past the store.
 */
public interface SecretsAtRestContract extends StoreFixture {
    String PLAINTEXT_GROUP = "{\"type\":\"symmetricKey\",\"primaryKey\":\"" + KEYS.primaryKey()
            + "\",\"secondaryKey\":\"" + KEYS.secondaryKey() + "\"}";

    @Test
    default void deviceKeysAreStoredSealedAndReadBackWhole() {
        Device stored = store().devices().insert(device("d1"));
        SymmetricKeys rotated = SymmetricKeys.generate();
        store().devices().update(stored.withKeys(rotated), stored.etag());

        List<String> raw = raw("SELECT primary_key, secondary_key FROM devices WHERE id = ?", "d1");

        assertThat(raw).allSatisfy(value -> assertThat(value).startsWith("enc1:"))
                .noneSatisfy(value -> assertThat(value).contains(rotated.primaryKey()))
                .noneSatisfy(value -> assertThat(value).contains(rotated.secondaryKey()));
        assertThat(store().devices().find(id("d1")).orElseThrow().keys()).isEqualTo(rotated);
    }

    @Test
    default void enrollmentKeysAreStoredSealedAndReadBackWhole() {
        store().devices().insert(device("d1"));
        store().provisioning().groups().insert(keyGroup("g1"));
        store().provisioning().attestations().put(id("d1"), new DeviceAttestation.SymmetricKey(KEYS));

        List<String> raw = List.of(
                raw("SELECT attestation FROM enrollment_groups WHERE id = ?", "g1").getFirst(),
                raw("SELECT attestation FROM device_attestations WHERE device_id = ?", "d1").getFirst());

        assertThat(raw).allSatisfy(value -> assertThat(value).contains("enc1:")
                .doesNotContain(KEYS.primaryKey()).doesNotContain(KEYS.secondaryKey()));
        assertThat(store().provisioning().groups().find("g1").orElseThrow().attestation())
                .isEqualTo(new GroupAttestation.SymmetricKey(KEYS));
        assertThat(store().provisioning().attestations().find(id("d1")))
                .contains(new DeviceAttestation.SymmetricKey(KEYS));
    }

    @Test
    default void aSealedKeyCopiedToAnotherDeviceDoesNotOpen() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2").withKeys(SymmetricKeys.generate()));

        reopenAfter(() -> execute("UPDATE devices SET primary_key = (SELECT primary_key FROM devices "
                + "WHERE id = 'd1') WHERE id = 'd2'"));

        assertThatThrownBy(() -> store().devices().find(id("d2"))).isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("device/d2#primaryKey").hasMessageNotContaining(KEYS.primaryKey());
    }

    @Test
    default void plaintextKeysOfAnOlderVersionAreReadAndSealedOnceOnOpening() {
        store().devices().insert(device("d1"));
        store().devices().insert(device("d2"));
        store().provisioning().groups().insert(keyGroup("g1"));
        store().provisioning().attestations().put(id("d2"), new DeviceAttestation.SymmetricKey(KEYS));
        reopenAfter(this::olderVersionWrotePlaintextKeys);

        assertThat(rawSecrets().get("d1.primary")).as("not sealed again while the pass is marked done")
                .isEqualTo(KEYS.primaryKey());
        assertThat(store().devices().find(id("d1")).orElseThrow().keys()).isEqualTo(KEYS);
        assertThat(store().provisioning().groups().find("g1").orElseThrow().attestation())
                .isEqualTo(new GroupAttestation.SymmetricKey(KEYS));

        reopenAfter(() -> execute("DELETE FROM secret_key"));
        Map<String, String> sealed = rawSecrets();
        reopen();

        assertThat(sealed.values()).allSatisfy(value -> assertThat(value).contains("enc1:")
                .doesNotContain(KEYS.primaryKey()).doesNotContain(KEYS.secondaryKey()));
        assertThat(rawSecrets()).as("a second opening changes nothing").isEqualTo(sealed);
        assertThat(store().devices().find(id("d1")).orElseThrow().keys()).isEqualTo(KEYS);
        assertThat(store().devices().find(id("d2")).orElseThrow().keys()).isEqualTo(KEYS);
        assertThat(store().provisioning().groups().find("g1").orElseThrow().attestation())
                .isEqualTo(new GroupAttestation.SymmetricKey(KEYS));
        assertThat(store().provisioning().attestations().find(id("d2")))
                .contains(new DeviceAttestation.SymmetricKey(KEYS));
    }

    @Test
    default void openingWithAnotherKeyIsRefused() {
        store().devices().insert(device("d1"));

        reopenAfter(() -> assertThatThrownBy(() -> openWith(AesGcmSecretCipher.random()).close())
                .isInstanceOf(SecretKeyMismatchException.class)
                .hasMessageContaining("not the one this state store's device and enrollment keys were encrypted with"));
        assertThat(store().devices().find(id("d1")).orElseThrow().keys()).isEqualTo(KEYS);
    }

    private static EnrollmentGroup keyGroup(String id) {
        return new EnrollmentGroup(id, "Group " + id, true, "iot", new GroupAttestation.SymmetricKey(KEYS), "");
    }

    /**
     * Keys as versions before V8 stored them. An upgraded database also has no row in
     * {@code secret_key} yet (V8 creates the table empty); the test removes it separately.
     */
    private void olderVersionWrotePlaintextKeys() {
        execute("UPDATE devices SET primary_key = '" + KEYS.primaryKey() + "', secondary_key = '"
                + KEYS.secondaryKey() + "'");
        execute("UPDATE enrollment_groups SET attestation = '" + PLAINTEXT_GROUP + "'");
        execute("UPDATE device_attestations SET attestation = '" + PLAINTEXT_GROUP + "'");
    }

    private Map<String, String> rawSecrets() {
        Map<String, String> values = new TreeMap<>();
        for (String device : List.of("d1", "d2")) {
            List<String> keys = raw("SELECT primary_key, secondary_key FROM devices WHERE id = ?", device);
            values.put(device + ".primary", keys.get(0));
            values.put(device + ".secondary", keys.get(1));
        }
        values.put("g1", raw("SELECT attestation FROM enrollment_groups WHERE id = ?", "g1").getFirst());
        values.put("d2.attestation", raw("SELECT attestation FROM device_attestations WHERE device_id = ?", "d2")
                .getFirst());
        return values;
    }

    /** The text columns of the one row {@code sql} selects. */
    private List<String> raw(String sql, String id) {
        try (Connection connection = rawConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as("a row for " + id).isTrue();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    values.add(row.getString(i));
                }
                return values;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = rawConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
