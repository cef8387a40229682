package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.TwinStore;
import org.opencentral.core.twin.Twin;
import org.opencentral.core.twin.TwinSection;

/**
 * Device twins, one row per device: each section as properties JSON, metadata JSON and version.
 * Compare-and-set is one conditional UPDATE on both versions, so exactly one of several
 * concurrent writers holding the same expected twin wins, on every engine.
 */
final class JdbcTwinStore implements TwinStore {
    private static final String COLUMNS = "device_id, desired_properties, desired_metadata, desired_version, "
            + "reported_properties, reported_metadata, reported_version";
    private static final String CAS = "UPDATE twins SET desired_properties = ?, desired_metadata = ?, "
            + "desired_version = ?, reported_properties = ?, reported_metadata = ?, reported_version = ? "
            + "WHERE device_id = ? AND desired_version = ? AND reported_version = ?";

    private final JdbcDatabase database;

    JdbcTwinStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Twin> find(DeviceId id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM twins WHERE device_id = ?",
                JdbcTwinStore::map, id.value()));
    }

    @Override
    public boolean compareAndSet(Twin expected, Twin updated) {
        if (!expected.deviceId().equals(updated.deviceId())) {
            throw new IllegalArgumentException("compareAndSet across two devices");
        }
        DeviceId id = updated.deviceId();
        return database.write(c -> {
            int changed = Jdbc.update(c, CAS, updated.desired().properties().toString(),
                    updated.desired().metadata().toString(), updated.desired().version(),
                    updated.reported().properties().toString(), updated.reported().metadata().toString(),
                    updated.reported().version(), id.value(), expected.desired().version(),
                    expected.reported().version());
            if (changed == 0 && !JdbcDeviceStore.exists(c, id)) {
                throw DomainException.notFound("device '" + id + "'");
            }
            return changed > 0;
        });
    }

    static void insertEmpty(Connection connection, Twin twin) throws SQLException {
        Jdbc.update(connection, "INSERT INTO twins (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                twin.deviceId().value(), twin.desired().properties().toString(),
                twin.desired().metadata().toString(), twin.desired().version(),
                twin.reported().properties().toString(), twin.reported().metadata().toString(),
                twin.reported().version());
    }

    private static Twin map(ResultSet row) throws SQLException {
        return new Twin(DeviceId.of(row.getString("device_id")),
                section(row, "desired"), section(row, "reported"));
    }

    private static TwinSection section(ResultSet row, String name) throws SQLException {
        return new TwinSection(JsonColumns.object(row.getString(name + "_properties")),
                JsonColumns.object(row.getString(name + "_metadata")), row.getLong(name + "_version"));
    }
}
