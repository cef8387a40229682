package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.provisioning.EnrollmentGroup;
import org.opencentral.core.store.EnrollmentGroupStore;

/** Enrollment groups; the attestation (sealed group keys, CA certificates) is one JSON column. */
final class JdbcEnrollmentGroupStore implements EnrollmentGroupStore {
    private static final String COLUMNS = "id, display_name, enabled, type, attestation, etag";

    private final JdbcDatabase database;
    private final SealedKeys keys;

    JdbcEnrollmentGroupStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.keys = keys;
    }

    @Override
    public EnrollmentGroup insert(EnrollmentGroup group) {
        EnrollmentGroup stored = group.withEtag(Etags.fresh());
        int inserted = database.write(c -> Jdbc.update(c, "INSERT INTO enrollment_groups (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", stored.id(), stored.displayName(),
                stored.enabled(), stored.type(), attestation(stored), stored.etag()));
        if (inserted == 0) {
            throw DomainException.conflict("enrollment group '" + group.id() + "' already exists");
        }
        return stored;
    }

    @Override
    public EnrollmentGroup update(EnrollmentGroup group, String expectedEtag) {
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        EnrollmentGroup stored = group.withEtag(Etags.fresh());
        return database.write(c -> {
            int updated = Jdbc.update(c, "UPDATE enrollment_groups SET display_name = ?, enabled = ?, type = ?, "
                    + "attestation = ?, etag = ? WHERE id = ? AND etag = ?", stored.displayName(), stored.enabled(),
                    stored.type(), attestation(stored), stored.etag(), stored.id(),
                    expectedEtag);
            if (updated == 0) {
                if (!Jdbc.exists(c, "SELECT 1 FROM enrollment_groups WHERE id = ?", group.id())) {
                    throw DomainException.notFound("enrollment group '" + group.id() + "'");
                }
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "enrollment group '" + group.id() + "' was changed by someone else (etag mismatch)");
            }
            return stored;
        });
    }

    @Override
    public Optional<EnrollmentGroup> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM enrollment_groups WHERE id = ?",
                this::map, id));
    }

    @Override
    public List<EnrollmentGroup> list() {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM enrollment_groups ORDER BY id",
                this::map));
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM enrollment_groups WHERE id = ?", id)) > 0;
    }

    private String attestation(EnrollmentGroup group) {
        return ProvisioningJson.group(group.attestation(), group.id(), keys);
    }

    private EnrollmentGroup map(ResultSet row) throws SQLException {
        String id = row.getString("id");
        return new EnrollmentGroup(id, row.getString("display_name"), row.getBoolean("enabled"),
                row.getString("type"), ProvisioningJson.group(row.getString("attestation"), id, keys),
                row.getString("etag"));
    }
}
