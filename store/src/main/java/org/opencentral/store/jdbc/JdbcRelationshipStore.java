package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.relationship.DeviceRelationship;
import org.opencentral.core.store.Page;
import org.opencentral.core.store.RelationshipStore;

/** Device relationships; the foreign keys delete them with either device. */
final class JdbcRelationshipStore implements RelationshipStore {
    private static final String COLUMNS = "source, id, target, name";
    private static final String UPSERT = "INSERT INTO device_relationships (" + COLUMNS + ") VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (source, id) DO UPDATE SET target = excluded.target, name = excluded.name";

    private final JdbcDatabase database;

    JdbcRelationshipStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<DeviceRelationship> find(DeviceId source, String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM device_relationships "
                + "WHERE source = ? AND id = ?", JdbcRelationshipStore::map, source.value(), id));
    }

    @Override
    public Page<DeviceRelationship> list(DeviceId source, Optional<String> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        List<DeviceRelationship> rows = database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS
                + " FROM device_relationships WHERE source = ? AND id > ? ORDER BY id LIMIT ?",
                JdbcRelationshipStore::map, source.value(), after.orElse(""), limit + 1));
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<DeviceRelationship> page = rows.subList(0, limit);
        return new Page<>(page, Optional.of(page.get(limit - 1).id()));
    }

    @Override
    public boolean put(DeviceRelationship relationship) {
        String source = relationship.source().value();
        String target = relationship.target().value();
        return database.write(c -> {
            for (String device : List.of(source, target)) {
                if (!Jdbc.exists(c, "SELECT 1 FROM devices WHERE id = ?", device)) {
                    throw DomainException.notFound("device '" + device + "'");
                }
            }
            boolean existed = Jdbc.exists(c, "SELECT 1 FROM device_relationships WHERE source = ? AND id = ?",
                    source, relationship.id());
            Jdbc.update(c, UPSERT, source, relationship.id(), target, Jdbc.nullableText(relationship.name()));
            return !existed;
        });
    }

    @Override
    public boolean delete(DeviceId source, String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM device_relationships WHERE source = ? AND id = ?",
                source.value(), id)) > 0;
    }

    private static DeviceRelationship map(ResultSet row) throws SQLException {
        return new DeviceRelationship(row.getString("id"), DeviceId.of(row.getString("source")),
                DeviceId.of(row.getString("target")), Optional.ofNullable(row.getString("name")));
    }
}
