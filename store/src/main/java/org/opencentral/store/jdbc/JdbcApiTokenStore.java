package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.ApiToken;
import org.opencentral.core.store.ApiTokenStore;

/** API tokens; only the secret's hash is stored, and it is never logged. */
final class JdbcApiTokenStore implements ApiTokenStore {
    private static final String COLUMNS = "id, secret_hash, roles, expiry, created_at";

    private final JdbcDatabase database;

    JdbcApiTokenStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void insert(ApiToken token) {
        int inserted = database.write(c -> Jdbc.update(c, "INSERT INTO api_tokens (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", token.id(), token.secretHash(),
                JsonColumns.roles(token.roles()), token.expiry(), token.createdAt()));
        if (inserted == 0) {
            throw DomainException.conflict("API token '" + token.id() + "' already exists");
        }
    }

    @Override
    public Optional<ApiToken> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM api_tokens WHERE id = ?",
                JdbcApiTokenStore::map, id));
    }

    @Override
    public List<ApiToken> list() {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM api_tokens ORDER BY id",
                JdbcApiTokenStore::map));
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM api_tokens WHERE id = ?", id)) > 0;
    }

    private static ApiToken map(ResultSet row) throws SQLException {
        return new ApiToken(row.getString("id"), row.getString("secret_hash"),
                JsonColumns.roles(row.getString("roles")), Jdbc.instant(row, "expiry"),
                Jdbc.instant(row, "created_at"));
    }
}
