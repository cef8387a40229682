package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SasCredentials;
import org.opencentral.core.device.SimulationInterval;

/** The {@code devices} table's columns and row mapping; the key columns hold {@link SealedKeys sealed} keys. */
final class DeviceRows {
    static final String COLUMNS = "id, display_name, template, enabled, simulated, provisioned, etag, "
            + "primary_key, secondary_key, model_id, connected, last_activity, created_at, organization, "
            + "simulation_interval_ms";
    static final String SELECT = "SELECT " + COLUMNS + " FROM devices";

    private final SealedKeys keys;

    DeviceRows(SealedKeys keys) {
        this.keys = keys;
    }

    Device map(ResultSet row) throws SQLException {
        String id = row.getString("id");
        return Device.builder(DeviceId.of(id))
                .displayName(row.getString("display_name"))
                .template(Optional.ofNullable(row.getString("template")))
                .enabled(row.getBoolean("enabled"))
                .simulated(row.getBoolean("simulated"))
                .provisioned(row.getBoolean("provisioned"))
                .etag(row.getString("etag"))
                .keys(keys.open(row.getString("primary_key"), row.getString("secondary_key"), SealedKeys.device(id)))
                .modelId(Optional.ofNullable(row.getString("model_id")))
                .connection(new Device.Connection(row.getBoolean("connected"), Jdbc.optionalInstant(row, "last_activity")))
                .createdAt(Jdbc.instant(row, "created_at"))
                .organization(Optional.ofNullable(row.getString("organization")))
                .simulationInterval(simulationInterval(row))
                .build();
    }

    /** The keys and enabled flag of a row of {@code SELECT enabled, primary_key, secondary_key}. */
    SasCredentials credentials(ResultSet row, DeviceId id) throws SQLException {
        return new SasCredentials(keys.open(row.getString("primary_key"), row.getString("secondary_key"),
                SealedKeys.device(id.value())), row.getBoolean("enabled"));
    }

    private static Optional<SimulationInterval> simulationInterval(ResultSet row) throws SQLException {
        long millis = row.getLong("simulation_interval_ms");
        return row.wasNull() ? Optional.empty() : Optional.of(SimulationInterval.ofMillis(millis));
    }

    /** The interval as a parameter: milliseconds, or NULL for the server's default. */
    static Object simulationIntervalParameter(Device device) {
        return device.simulationInterval().<Object>map(SimulationInterval::toMillis).orElse(SqlNull.BIGINT);
    }

    /** The insert parameters, in {@link #COLUMNS} order. */
    Object[] insertParameters(Device device, String etag) {
        return new Object[] {device.id().value(), device.displayName(), Jdbc.nullableText(device.template()),
                device.enabled(), device.simulated(), device.provisioned(), etag, sealedPrimaryKey(device),
                sealedSecondaryKey(device), Jdbc.nullableText(device.modelId()), device.connection().connected(),
                Jdbc.nullableMillis(device.connection().lastActivity()), device.createdAt(),
                Jdbc.nullableText(device.organization()), simulationIntervalParameter(device)};
    }

    String sealedPrimaryKey(Device device) {
        return keys.sealPrimary(device.keys(), SealedKeys.device(device.id().value()));
    }

    String sealedSecondaryKey(Device device) {
        return keys.sealSecondary(device.keys(), SealedKeys.device(device.id().value()));
    }
}
