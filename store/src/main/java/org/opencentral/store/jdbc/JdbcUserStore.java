package org.opencentral.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.opencentral.core.DomainException;
import org.opencentral.core.security.User;
import org.opencentral.core.store.UserStore;

/**
 * Local user accounts. Emails are unique case-insensitively through {@code email_key}, the email
 * lower-cased in Java ({@link Locale#ROOT}) so that every dialect compares exactly alike.
 */
final class JdbcUserStore implements UserStore {
    private static final String COLUMNS = "id, email, password_hash, roles, created_at";

    private final JdbcDatabase database;

    JdbcUserStore(JdbcDatabase database) {
        this.database = database;
    }

    @Override
    public void insert(User user) {
        int inserted = database.write(c -> Jdbc.update(c, "INSERT INTO users (" + COLUMNS
                + ", email_key) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", user.id(), user.email(),
                Jdbc.nullableText(user.passwordHash()), JsonColumns.roles(user.roles()), user.createdAt(),
                emailKey(user.email())));
        if (inserted == 0) {
            throw DomainException.conflict("a user with id '" + user.id() + "' or this email already exists");
        }
    }

    @Override
    public Optional<User> find(String id) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE id = ?",
                JdbcUserStore::map, id));
    }

    @Override
    public Optional<User> findByEmail(String email) {
        return database.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM users WHERE email_key = ?",
                JdbcUserStore::map, emailKey(email)));
    }

    @Override
    public List<User> list() {
        return database.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM users ORDER BY id", JdbcUserStore::map));
    }

    @Override
    public void update(User user) {
        database.write(c -> {
            String key = emailKey(user.email());
            if (Jdbc.exists(c, "SELECT 1 FROM users WHERE email_key = ? AND id <> ?", key, user.id())) {
                throw DomainException.conflict("another user has the email '" + user.email() + "'");
            }
            int updated = Jdbc.update(c, "UPDATE users SET email = ?, email_key = ?, password_hash = ?, roles = ? "
                    + "WHERE id = ?", user.email(), key, Jdbc.nullableText(user.passwordHash()),
                    JsonColumns.roles(user.roles()), user.id());
            if (updated == 0) {
                throw DomainException.notFound("user '" + user.id() + "'");
            }
            return updated;
        });
    }

    @Override
    public boolean delete(String id) {
        return database.write(c -> Jdbc.update(c, "DELETE FROM users WHERE id = ?", id)) > 0;
    }

    @Override
    public long count() {
        return database.read(c -> Jdbc.queryLong(c, "SELECT count(*) FROM users"));
    }

    private static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static User map(ResultSet row) throws SQLException {
        return new User(row.getString("id"), row.getString("email"),
                Optional.ofNullable(row.getString("password_hash")), JsonColumns.roles(row.getString("roles")),
                Jdbc.instant(row, "created_at"));
    }
}
