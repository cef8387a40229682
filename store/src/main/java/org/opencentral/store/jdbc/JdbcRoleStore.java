package org.opencentral.store.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.opencentral.core.Json;
import org.opencentral.core.security.CustomRole;
import org.opencentral.core.security.RoleKind;
import org.opencentral.core.store.RoleStore;

/** Custom roles; permissions are a JSON array of wire names, sorted. */
final class JdbcRoleStore implements RoleStore {
    private static final String COLUMNS = "id, display_name, kind, permissions, updated_at";

    private final JdbcDatabase database;

    JdbcRoleStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public boolean upsert(CustomRole role) {
        String permissions = Json.MAPPER.valueToTree(new TreeSet<>(role.permissions())).toString();
        return database.write(c -> {
            boolean existed = Jdbc.exists(c, "SELECT 1 FROM roles WHERE id = ?", role.id());
            Jdbc.update(c, "INSERT INTO roles (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                    + "SET display_name = excluded.display_name, kind = excluded.kind, "
                    + "permissions = excluded.permissions, updated_at = excluded.updated_at",
                    role.id(), role.displayName(), role.kind().name(), permissions, role.updatedAt());
            return !existed;
        });
    }

    @Override
    public Optional<CustomRole> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM roles WHERE id = ?",
                JdbcRoleStore::map, id));
    }

    @Override
    public List<CustomRole> list() {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM roles ORDER BY id", JdbcRoleStore::map));
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM roles WHERE id = ?", id)) > 0;
    }

    private static CustomRole map(ResultSet row) throws SQLException {
        Set<String> permissions = new TreeSet<>();
        for (JsonNode name : Json.parse(row.getString("permissions"))) {
            permissions.add(name.asText());
        }
        return new CustomRole(row.getString("id"), row.getString("display_name"),
                RoleKind.valueOf(row.getString("kind")), permissions, Jdbc.instant(row, "updated_at"));
    }
}
