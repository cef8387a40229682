package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.Organization;
import org.opencentral.core.store.OrganizationStore;

/** The organization tree's nodes, one row each with the parent's id (NULL: the root). */
final class JdbcOrganizationStore implements OrganizationStore {
    private static final String COLUMNS = "id, display_name, parent";

    private final JdbcDatabase database;

    JdbcOrganizationStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void insert(Organization organization) {
        int inserted = database.write(c -> Jdbc.update(c, "INSERT INTO organizations (" + COLUMNS
                + ") VALUES (?, ?, ?) ON CONFLICT DO NOTHING", organization.id(), organization.displayName(),
                Jdbc.nullableText(organization.parent())));
        if (inserted == 0) {
            throw DomainException.conflict("organization '" + organization.id() + "' already exists");
        }
    }

    @Override
    public void update(Organization organization) {
        int updated = database.write(c -> Jdbc.update(c, "UPDATE organizations SET display_name = ?, parent = ? "
                + "WHERE id = ?", organization.displayName(), Jdbc.nullableText(organization.parent()),
                organization.id()));
        if (updated == 0) {
            throw DomainException.notFound("organization '" + organization.id() + "'");
        }
    }

    @Override
    public Optional<Organization> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM organizations WHERE id = ?",
                JdbcOrganizationStore::map, id));
    }

    @Override
    public List<Organization> list() {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM organizations ORDER BY id",
                JdbcOrganizationStore::map));
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM organizations WHERE id = ?", id)) > 0;
    }

    private static Organization map(ResultSet row) throws SQLException {
        return new Organization(row.getString("id"), row.getString("display_name"),
                Optional.ofNullable(row.getString("parent")));
    }
}
