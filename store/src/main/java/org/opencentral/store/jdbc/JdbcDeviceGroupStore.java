package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.DomainException;
import org.opencentral.core.ErrorCode;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.group.DeviceGroup;
import org.opencentral.core.group.DeviceGroupStore;
import org.opencentral.core.group.MemberFilter;
import org.opencentral.core.store.Page;

/**
 * Device groups, and membership as one statement over the devices table with the group's filter
 * compiled by {@link MemberSql}: a member page is a walk of the devices' primary key from the
 * cursor, a membership check a primary-key lookup.
 */
final class JdbcDeviceGroupStore implements DeviceGroupStore {
    private static final String COLUMNS = "id, display_name, filter, description, etag, organization";

    private final JdbcDatabase database;
    private final DeviceRows devices;
    private final java.time.Clock clock;

    JdbcDeviceGroupStore(JdbcDatabase database, SealedKeys keys, java.time.Clock clock) {
        this.database = database;
        this.devices = new DeviceRows(keys);
        this.clock = clock;
    }

    @Override
    public Optional<DeviceGroup> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM device_groups WHERE id = ?",
                JdbcDeviceGroupStore::map, id));
    }

    @Override
    public Page<DeviceGroup> list(Optional<Set<String>> organizations, Optional<String> after, int limit) {
        return KeysetPages.scoped(database, "SELECT " + COLUMNS + " FROM device_groups", organizations, after, limit,
                JdbcDeviceGroupStore::map, DeviceGroup::id);
    }

    @Override
    public DeviceGroup insert(DeviceGroup group) {
        DeviceGroup stored = group.withEtag(Etags.fresh());
        return database.write(c -> {
            int inserted = Jdbc.update(c, "INSERT INTO device_groups (" + COLUMNS + ", created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", stored.id(), stored.displayName(),
                    stored.filter(), Jdbc.nullableText(stored.description()), stored.etag(),
                    Jdbc.nullableText(stored.organization()), clock.millis());
            if (inserted == 0) {
                throw DomainException.conflict("device group '" + group.id() + "' already exists");
            }
            return stored;
        });
    }

    @Override
    public DeviceGroup update(DeviceGroup group, String expectedEtag) {
        Objects.requireNonNull(expectedEtag, "expectedEtag");
        DeviceGroup stored = group.withEtag(Etags.fresh());
        return database.write(c -> {
            int updated = Jdbc.update(c, "UPDATE device_groups SET display_name = ?, filter = ?, description = ?, "
                    + "etag = ?, organization = ? WHERE id = ? AND etag = ?", stored.displayName(), stored.filter(),
                    Jdbc.nullableText(stored.description()), stored.etag(), Jdbc.nullableText(stored.organization()),
                    stored.id(), expectedEtag);
            if (updated == 0) {
                if (!Jdbc.exists(c, "SELECT 1 FROM device_groups WHERE id = ?", group.id())) {
                    throw DomainException.notFound("device group '" + group.id() + "'");
                }
                throw new DomainException(ErrorCode.PRECONDITION_FAILED,
                        "device group '" + group.id() + "' was changed by someone else (etag mismatch)");
            }
            return stored;
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM device_groups WHERE id = ?", id)) > 0;
    }

    @Override
    public Page<Device> members(MemberFilter filter, Optional<Set<String>> organizations, Optional<String> after,
            int limit) {
        KeysetPages.requirePositive(limit);
        if (organizations.filter(Set::isEmpty).isPresent()) {
            return new Page<>(List.of(), Optional.empty());
        }
        Statement statement = where(filter, organizations);
        List<Object> parameters = new ArrayList<>(List.of(after.orElse("")));
        parameters.addAll(statement.parameters());
        parameters.add(limit + 1);
        List<Device> rows = database.read(c -> Jdbc.query(c, DeviceRows.SELECT + " WHERE devices.id > ? AND "
                + statement.sql() + " ORDER BY devices.id LIMIT ?", devices::map, parameters.toArray()));
        return KeysetPages.page(rows, limit, d -> d.id().value());
    }

    @Override
    public long count(MemberFilter filter, Optional<Set<String>> organizations) {
        if (organizations.filter(Set::isEmpty).isPresent()) {
            return 0;
        }
        Statement statement = where(filter, organizations);
        return database.read(c -> Jdbc.queryLong(c, "SELECT COUNT(*) FROM devices WHERE " + statement.sql(),
                statement.parameters().toArray()));
    }

    @Override
    public boolean contains(MemberFilter filter, DeviceId device) {
        Statement statement = where(filter, Optional.empty());
        List<Object> parameters = new ArrayList<>(List.of(device.value()));
        parameters.addAll(statement.parameters());
        return database.read(c -> Jdbc.exists(c, "SELECT 1 FROM devices WHERE devices.id = ? AND " + statement.sql(),
                parameters.toArray()));
    }

    @Override
    public Set<String> groupsOf(DeviceId device, Map<String, MemberFilter> filters) {
        if (filters.size() > MAX_GROUPS_PER_CHECK) {
            throw new IllegalArgumentException("at most " + MAX_GROUPS_PER_CHECK + " filters per check");
        }
        if (filters.isEmpty()) {
            return Set.of();
        }
        List<String> parts = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        filters.forEach((key, filter) -> {
            MemberSql compiled = MemberSql.compile(filter, database.dialect());
            parts.add("SELECT CAST(? AS TEXT) AS group_key FROM devices WHERE devices.id = ? AND " + compiled.sql());
            parameters.add(key);
            parameters.add(device.value());
            parameters.addAll(compiled.parameters());
        });
        return new LinkedHashSet<>(database.read(c -> Jdbc.query(c, String.join(" UNION ALL ", parts),
                row -> row.getString("group_key"), parameters.toArray())));
    }

    /** A condition on the devices table and its parameters. */
    private record Statement(String sql, List<Object> parameters) {
    }

    private Statement where(MemberFilter filter, Optional<Set<String>> organizations) {
        MemberSql compiled = MemberSql.compile(filter, database.dialect());
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        organizations.ifPresent(orgs -> {
            sql.append("devices.organization IN (").append(String.join(", ", Collections.nCopies(orgs.size(), "?")))
                    .append(") AND ");
            orgs.stream().sorted().forEach(parameters::add);
        });
        sql.append(compiled.sql());
        parameters.addAll(compiled.parameters());
        return new Statement(sql.toString(), parameters);
    }

    private static DeviceGroup map(ResultSet row) throws SQLException {
        Optional<String> organization = Optional.ofNullable(row.getString("organization"));
        return new DeviceGroup(row.getString("id"), row.getString("display_name"), row.getString("filter"),
                Optional.ofNullable(row.getString("description")), row.getString("etag"),
                organization.map(List::of).orElse(List.of()));
    }
}
