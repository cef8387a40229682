package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.provisioning.Registration;
import org.opencentral.core.store.RegistrationStore;

/** Registration records. */
final class JdbcRegistrationStore implements RegistrationStore {
    private static final String COLUMNS =
            "registration_id, device_id, status, enrollment_group, model_id, created_at, updated_at, etag";

    private final JdbcDatabase database;

    JdbcRegistrationStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Registration> find(String registrationId) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM registrations WHERE registration_id = ?",
                JdbcRegistrationStore::map, registrationId));
    }

    @Override
    public void put(Registration r) {
        database.write(c -> Jdbc.update(c, "INSERT INTO registrations (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (registration_id) DO UPDATE SET device_id = excluded.device_id, "
                + "status = excluded.status, enrollment_group = excluded.enrollment_group, "
                + "model_id = excluded.model_id, created_at = excluded.created_at, "
                + "updated_at = excluded.updated_at, etag = excluded.etag",
                r.registrationId(), r.deviceId().value(), r.status().name(), Jdbc.nullableText(r.enrollmentGroup()),
                Jdbc.nullableText(r.modelId()), r.createdAt(), r.updatedAt(), r.etag()));
    }

    @Override
    public boolean delete(String registrationId) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM registrations WHERE registration_id = ?",
                registrationId)) > 0;
    }

    private static Registration map(ResultSet row) throws SQLException {
        return new Registration(row.getString("registration_id"), DeviceId.of(row.getString("device_id")),
                Registration.Status.valueOf(row.getString("status")),
                Optional.ofNullable(row.getString("enrollment_group")), Optional.ofNullable(row.getString("model_id")),
                Jdbc.instant(row, "created_at"), Jdbc.instant(row, "updated_at"), row.getString("etag"));
    }
}
