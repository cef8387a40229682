package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.Session;
import org.opencentral.core.store.SessionStore;

/** Browser sessions by the hash of their cookie secret; the secret itself is never stored. */
final class JdbcSessionStore implements SessionStore {
    private static final String COLUMNS = "secret_hash, user_id, created_at, expires_at";

    private final JdbcDatabase database;

    JdbcSessionStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void insert(Session session) {
        int inserted = database.write(c -> Jdbc.update(c, "INSERT INTO sessions (" + COLUMNS
                + ") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", session.secretHash(), session.userId(),
                session.createdAt(), session.expiresAt()));
        if (inserted == 0) {
            throw DomainException.conflict("session already exists");
        }
    }

    @Override
    public Optional<Session> find(String secretHash) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM sessions WHERE secret_hash = ?",
                JdbcSessionStore::map, secretHash));
    }

    @Override
    public boolean delete(String secretHash) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM sessions WHERE secret_hash = ?", secretHash)) > 0;
    }

    @Override
    public int deleteForUser(String userId) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM sessions WHERE user_id = ?", userId));
    }

    @Override
    public int purgeExpired(Instant now) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM sessions WHERE expires_at <= ?", now));
    }

    private static Session map(ResultSet row) throws SQLException {
        return new Session(row.getString("secret_hash"), row.getString("user_id"), Jdbc.instant(row, "created_at"),
                Jdbc.instant(row, "expires_at"));
    }
}
