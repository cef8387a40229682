package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.opencentral.core.secret.SecretCipher;
import org.opencentral.core.secret.SecretCipherException;
import org.opencentral.core.secret.SecretKeyMismatchException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs when a state store opens, after the migrations: checks that the secret key is the one the
 * store's keys were sealed with (a check value sealed on first use lives in {@code secret_key}),
 * then, once per database, seals the keys that versions before V8 stored in plaintext. The pass is
 * idempotent and safe on several nodes at once: it reads in pages by id and updates a row only if
 * it still holds the plaintext it read.
 */
final class SecretsAtRest {
    private static final Logger LOG = LoggerFactory.getLogger(SecretsAtRest.class);
    private static final String CHECK_CONTEXT = "secret_key#check";
    private static final String CHECK_PLAINTEXT = "OpenCentral secret key check";
    private static final int PAGE = 500;

    private final JdbcDatabase database;
    private final SecretCipher cipher;
    private final SealedKeys keys;
    private final Clock clock;

    SecretsAtRest(JdbcDatabase database, SecretCipher cipher, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.keys = new SealedKeys(cipher);
        this.clock = clock;
    }

    private record KeyRow(String checkValue, boolean sealed) {
    }

    /** Verifies the key and seals plaintext keys left by older versions. */
    void prepare() {
        KeyRow row = database.write(c -> {
            Jdbc.update(c, "INSERT INTO secret_key (id, check_value, created_at) VALUES (1, ?, ?) "
                    + "ON CONFLICT (id) DO NOTHING", cipher.seal(CHECK_PLAINTEXT, CHECK_CONTEXT), clock.millis());
            return Jdbc.queryOne(c, "SELECT check_value, sealed_at FROM secret_key WHERE id = 1",
                    r -> new KeyRow(r.getString(1), r.getObject(2) != null)).orElseThrow();
        });
        verify(row.checkValue());
        if (!row.sealed()) {
            int sealed = sealDevices() + sealAttestations("enrollment_groups", "id", SealedKeys::enrollmentGroup)
                    + sealAttestations("device_attestations", "device_id", SealedKeys::deviceAttestation);
            database.write(c -> Jdbc.update(c, "UPDATE secret_key SET sealed_at = ? WHERE id = 1", clock.millis()));
            if (sealed > 0) {
                LOG.info("encrypted the symmetric keys of {} records stored in plaintext by an earlier version",
                        sealed);
            }
        }
    }

    private void verify(String checkValue) {
        boolean matches;
        try {
            matches = CHECK_PLAINTEXT.equals(cipher.open(checkValue, CHECK_CONTEXT));
        } catch (SecretCipherException e) {
            matches = false;
        }
        if (!matches) {
            throw new SecretKeyMismatchException("the secret key is not the one this state store's device and "
                    + "enrollment keys were encrypted with; start with the original key file");
        }
    }

    private record DeviceKeys(String id, String primary, String secondary) {
    }

    private int sealDevices() {
        int sealed = 0;
        String after = "";
        while (true) {
            String from = after;
            List<DeviceKeys> page = database.read(c -> Jdbc.query(c, "SELECT id, primary_key, secondary_key "
                    + "FROM devices WHERE id > ? ORDER BY id LIMIT ?",
                    r -> new DeviceKeys(r.getString(1), r.getString(2), r.getString(3)), from, PAGE));
            List<Object[]> updates = new ArrayList<>();
            for (DeviceKeys row : page) {
                if (!keys.isSealed(row.primary()) || !keys.isSealed(row.secondary())) {
                    String owner = SealedKeys.device(row.id());
                    updates.add(new Object[] {sealIfPlain(row.primary(), owner, SealedKeys.PRIMARY),
                            sealIfPlain(row.secondary(), owner, SealedKeys.SECONDARY), row.id(), row.primary(),
                            row.secondary()});
                }
            }
            sealed += database.write(c -> Jdbc.batch(c, "UPDATE devices SET primary_key = ?, secondary_key = ? "
                    + "WHERE id = ? AND primary_key = ? AND secondary_key = ?", updates));
            if (page.size() < PAGE) {
                return sealed;
            }
            after = page.getLast().id();
        }
    }

    private String sealIfPlain(String stored, String owner, String slot) {
        return keys.isSealed(stored) ? stored : keys.seal(stored, owner, slot);
    }

    private record Attestation(String id, String text) {
    }

    private int sealAttestations(String table, String idColumn, UnaryOperator<String> owner) {
        int sealed = 0;
        String after = "";
        while (true) {
            String from = after;
            List<Attestation> page = database.read(c -> Jdbc.query(c, "SELECT " + idColumn + ", attestation FROM "
                    + table + " WHERE " + idColumn + " > ? ORDER BY " + idColumn + " LIMIT ?",
                    r -> new Attestation(r.getString(1), r.getString(2)), from, PAGE));
            List<Object[]> updates = new ArrayList<>();
            for (Attestation row : page) {
                Optional<String> text = ProvisioningJson.sealPlaintextKeys(row.text(), keys, owner.apply(row.id()));
                text.ifPresent(t -> updates.add(new Object[] {t, row.id(), row.text()}));
            }
            sealed += database.write(c -> update(c, table, idColumn, updates));
            if (page.size() < PAGE) {
                return sealed;
            }
            after = page.getLast().id();
        }
    }

    private static int update(Connection c, String table, String idColumn, List<Object[]> rows) throws SQLException {
        return Jdbc.batch(c, "UPDATE " + table + " SET attestation = ? WHERE " + idColumn + " = ? AND attestation = ?",
                rows);
    }
}
