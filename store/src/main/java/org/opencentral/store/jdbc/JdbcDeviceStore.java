package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.store.DeviceStore;
import org.opencentral.core.store.Page;
import org.opencentral.core.twin.Twin;

/**
 * The device registry. Etags: {@link #insert} keeps the device's etag unless it is blank (then a
 * fresh one is made); {@link #update} stores the device's etag when the caller chose a new one
 * (different from {@code expectedEtag}) and a fresh one otherwise. Both return the record as
 * stored, instants truncated to milliseconds. {@link #update} writes neither the connection state
 * nor the model id (both belong to {@link #recordConnection}) nor {@code createdAt}.
 */
final class JdbcDeviceStore implements DeviceStore {
    private static final String UPDATE = "UPDATE devices SET display_name = ?, template = ?, enabled = ?, "
            + "simulated = ?, provisioned = ?, etag = ?, primary_key = ?, secondary_key = ?, organization = ? "
            + "WHERE id = ? AND etag = ?";
    private static final String NEWER_ACTIVITY = "last_activity = CASE WHEN last_activity IS NULL "
            + "OR last_activity < ? THEN ? ELSE last_activity END";

    private final JdbcDatabase database;

    JdbcDeviceStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<Device> find(DeviceId id) {
        return database.read(c -> find(c, id));
    }

    @Override
    public Device insert(Device device) {
        String etag = device.etag().isBlank() ? Etags.fresh() : device.etag();
        return database.write(c -> {
            int inserted = Jdbc.update(c, "INSERT INTO devices (" + DeviceRows.COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                    DeviceRows.insertParameters(device, etag));
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
                    device.enabled(), device.simulated(), device.provisioned(), etag, device.keys().primaryKey(),
                    device.keys().secondaryKey(), Jdbc.nullableText(device.organization()), device.id().value(),
                    expectedEtag);
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
    public Page<Device> list(Optional<String> afterId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<Device> rows = database.read(c -> Jdbc.query(c,
                DeviceRows.SELECT + " WHERE id > ? ORDER BY id LIMIT ?", DeviceRows::map, afterId.orElse(""),
                limit + 1));
        return page(rows, limit);
    }

    @Override
    public Page<Device> list(Optional<String> afterId, int limit, Set<String> organizations) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (organizations.isEmpty()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<String> orgs = organizations.stream().sorted().toList();
        String marks = String.join(", ", java.util.Collections.nCopies(orgs.size(), "?"));
        List<Object> parameters = new ArrayList<>(orgs);
        parameters.add(afterId.orElse(""));
        parameters.add(limit + 1);
        List<Device> rows = database.read(c -> Jdbc.query(c, DeviceRows.SELECT + " WHERE organization IN (" + marks
                + ") AND id > ? ORDER BY id LIMIT ?", DeviceRows::map, parameters.toArray()));
        return page(rows, limit);
    }

    @Override
    public boolean anyInOrganization(String organization) {
        return database.read(c -> Jdbc.exists(c, "SELECT 1 FROM devices WHERE organization = ? LIMIT 1", organization));
    }

    private static Page<Device> page(List<Device> rows, int limit) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<Device> page = new ArrayList<>(rows.subList(0, limit));
        return new Page<>(page, Optional.of(page.getLast().id().value()));
    }

    @Override
    public long count() {
        return database.read(c -> Jdbc.queryLong(c, "SELECT count(*) FROM devices"));
    }

    /**
     * Connecting sets the model id to what the device announced (none clears it); disconnecting
     * keeps the model id unless one is given. Last activity only moves forward. Unknown devices
     * are ignored.
     */
    @Override
    public void recordConnection(DeviceId id, boolean connected, Instant at, Optional<String> modelId) {
        long millis = Jdbc.millis(at);
        database.write(c -> {
            if (connected || modelId.isPresent()) {
                return Jdbc.update(c, "UPDATE devices SET connected = ?, model_id = ?, " + NEWER_ACTIVITY
                        + " WHERE id = ?", connected, Jdbc.nullableText(modelId), millis, millis, id.value());
            }
            return Jdbc.update(c, "UPDATE devices SET connected = ?, " + NEWER_ACTIVITY + " WHERE id = ?",
                    false, millis, millis, id.value());
        });
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

    static Optional<Device> find(Connection connection, DeviceId id) throws SQLException {
        return Jdbc.queryOne(connection, DeviceRows.SELECT + " WHERE id = ?", DeviceRows::map, id.value());
    }

    static boolean exists(Connection connection, DeviceId id) throws SQLException {
        return Jdbc.exists(connection, "SELECT 1 FROM devices WHERE id = ?", id.value());
    }
}
