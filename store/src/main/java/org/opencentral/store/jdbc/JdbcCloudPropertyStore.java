package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.opencentral.core.Json;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.CloudPropertyStore;
import org.opencentral.core.template.CloudPropertyValue;

/** Cloud property values, one row per device, component and property; only for existing devices. */
final class JdbcCloudPropertyStore implements CloudPropertyStore {
    private static final String UPSERT = "INSERT INTO cloud_properties (device_id, component, name, value, updated_at) "
            + "SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM devices WHERE id = ?) "
            + "ON CONFLICT (device_id, component, name) DO UPDATE SET value = excluded.value, "
            + "updated_at = excluded.updated_at";
    private static final Comparator<CloudPropertyValue> KEY_ORDER = Comparator
            .comparing((CloudPropertyValue v) -> v.deviceId().value()).thenComparing(CloudPropertyValue::component)
            .thenComparing(CloudPropertyValue::name);

    private final JdbcDatabase database;

    JdbcCloudPropertyStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public List<CloudPropertyValue> list(DeviceId id) {
        return database.read(c -> Jdbc.query(c, "SELECT device_id, component, name, value, updated_at "
                + "FROM cloud_properties WHERE device_id = ? ORDER BY component, name", JdbcCloudPropertyStore::map,
                id.value()));
    }

    @Override
    public void put(Collection<CloudPropertyValue> values) {
        List<Object[]> rows = values.stream().sorted(KEY_ORDER)
                .map(v -> new Object[] {v.deviceId().value(), v.component(), v.name(), v.value().toString(),
                        v.updatedAt(), v.deviceId().value()})
                .toList();
        database.write(c -> Jdbc.batch(c, UPSERT, rows));
    }

    @Override
    public boolean delete(DeviceId id, String component, String name) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM cloud_properties WHERE device_id = ? AND component = ? "
                + "AND name = ?", id.value(), component, name)) > 0;
    }

    private static CloudPropertyValue map(ResultSet row) throws SQLException {
        return new CloudPropertyValue(DeviceId.of(row.getString("device_id")), row.getString("component"),
                row.getString("name"), Json.parse(row.getString("value")), Jdbc.instant(row, "updated_at"));
    }
}
