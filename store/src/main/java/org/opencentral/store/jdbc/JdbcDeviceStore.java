package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.device.SasCredentials;
import org.opencentral.core.store.ConnectionChange;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.Page;
import org.opencentral.core.twin.Twin;

/**
 * The device registry. Etags: {@link #insert} keeps the device's etag unless it is blank (then a
 * fresh one is made); {@link #update} stores the device's etag when the caller chose a new one
 * (different from {@code expectedEtag}) and a fresh one otherwise. Both return the record as
 * stored, instants truncated to milliseconds. {@link #update} writes neither the connection state
 * nor the model id (both belong to {@link #recordConnection}) nor {@code createdAt}. The keys are
 * stored sealed ({@link DeviceRows}, {@link SealedKeys}).
 */
final class JdbcDeviceStore implements DeviceStore {
    private static final String UPDATE = "UPDATE devices SET display_name = ?, template = ?, enabled = ?, "
            + "simulated = ?, provisioned = ?, etag = ?, primary_key = ?, secondary_key = ?, organization = ?, "
            + "simulation_interval_ms = ? "
            + "WHERE id = ? AND etag = ?";
    private static final String NEWER_ACTIVITY = "last_activity = CASE WHEN last_activity IS NULL "
            + "OR last_activity < ? THEN ? ELSE last_activity END";
    private static final String RECORD_CONNECTION = "UPDATE devices SET connected = ?, "
            + "model_id = CASE WHEN ? THEN ? ELSE model_id END, " + NEWER_ACTIVITY + " WHERE id = ?";

    private final JdbcDatabase database;
    private final DeviceRows rows;

    JdbcDeviceStore(JdbcDatabase database, SealedKeys keys) {
        this.database = database;
        this.rows = new DeviceRows(keys);
    }

    @Override
    public Optional<Device> find(DeviceId id) {
        return database.read(c -> find(c, id));
    }

    @Override
    public Optional<SasCredentials> credentials(DeviceId id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT enabled, primary_key, secondary_key FROM devices WHERE id = ?",
                row -> rows.credentials(row, id), id.value()));
    }

    @Override
    public boolean exists(DeviceId id) {
        return database.read(c -> Jdbc.exists(c, "SELECT 1 FROM devices WHERE id = ?", id.value()));
    }

    @Override
    public Device insert(Device device) {
        String etag = device.etag().isBlank() ? Etags.fresh() : device.etag();
        return database.write(c -> {
            int inserted = Jdbc.update(c, "INSERT INTO devices (" + DeviceRows.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    rows.insertParameters(device, etag));
            if (inserted == 0) {
                throw DomainException.conflict("device '" + device.id() + "' already exists");
            }
            JdbcTwinStore.insertEmpty(c, Twin.empty(device.id()));
            return find(c, device.id()).orElseThrow();
        });
    }

    @Override
    public Device update(Device device, String expectedEtag) {
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        String etag = device.etag().equals(expectedEtag) || device.etag().isBlank() ? Etags.fresh() : device.etag();
        return database.write(c -> {
            int updated = Jdbc.update(c, UPDATE, device.displayName(), Jdbc.nullableText(device.template()),
                    device.enabled(), device.simulated(), device.provisioned(), etag, rows.sealedPrimaryKey(device),
                    rows.sealedSecondaryKey(device), Jdbc.nullableText(device.organization()),
                    DeviceRows.simulationIntervalParameter(device), device.id().value(), expectedEtag);
            if (updated == 0) {
                find(c, device.id()).orElseThrow(() -> DomainException.notFound("device '" + device.id() + "'"));
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "device '" + device.id() + "' was changed by someone else (etag mismatch)");
            }
            return find(c, device.id()).orElseThrow();
        });
    }

    @Override
    public boolean delete(DeviceId id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM devices WHERE id = ?", id.value())) > 0;
    }

    @Override
    public Page<Device> list(DeviceListQuery query) {
        if (query.organizations().filter(Set::isEmpty).isPresent()) {
            return new Page<>(List.of(), Optional.empty());
        }
        DeviceListSql select = DeviceListSql.compile(query, database.dialect());
        List<DeviceListSql.Row> found = database.read(c -> Jdbc.query(c, select.sql(), row -> select.map(row, rows),
                select.parameters()));
        if (found.size() <= query.limit()) {
            return new Page<>(found.stream().map(DeviceListSql.Row::device).toList(), Optional.empty());
        }
        List<DeviceListSql.Row> page = found.subList(0, query.limit());
        return new Page<>(page.stream().map(DeviceListSql.Row::device).toList(),
                Optional.of(page.getLast().cursor().encode()));
    }

    @Override
    public boolean anyInOrganization(String organization) {
        return database.read(c -> Jdbc.exists(c, "SELECT 1 FROM devices WHERE organization = ? LIMIT 1", organization));
    }

    @Override
    public long count() {
        return database.read(c -> Jdbc.queryLong(c, "SELECT count(*) FROM devices"));
    }

    /**
     * Connecting sets the model id to what the device announced (none clears it); disconnecting
     * keeps the model id unless one is given. Last activity only moves forward. Unknown devices
     * are ignored. One statement for every change (whether it writes the model id is a parameter),
     * run as one JDBC batch in the changes' order.
     */
    @Override
    public void recordConnections(List<ConnectionChange> changes) {
        List<Object[]> rows = changes.stream().map(change -> {
            long millis = Jdbc.millis(change.at());
            return new Object[] {change.connected(), change.writesModelId(), Jdbc.nullableText(change.modelId()),
                    millis, millis, change.id().value()};
        }).toList();
        database.write(c -> Jdbc.batch(c, RECORD_CONNECTION, rows));
    }

    @Override
    public void recordActivity(Collection<DeviceId> ids, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        long millis = Jdbc.millis(at);
        List<Object[]> rows = ids.stream().distinct().sorted()
                .map(id -> new Object[] {millis, millis, id.value()}).toList();
        database.write(c -> Jdbc.batch(c, "UPDATE devices SET " + NEWER_ACTIVITY + " WHERE id = ?", rows));
    }

    @Override
    public void resetConnections() {
        database.write(c -> Jdbc.update(c, "UPDATE devices SET connected = ? WHERE connected = ?", false, true));
    }

    private Optional<Device> find(Connection connection, DeviceId id) throws SQLException {
        return Jdbc.queryOne(connection, DeviceRows.SELECT + " WHERE id = ?", rows::map, id.value());
    }

    static boolean exists(Connection connection, DeviceId id) throws SQLException {
        return Jdbc.exists(connection, "SELECT 1 FROM devices WHERE id = ?", id.value());
    }
}
