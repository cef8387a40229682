package org.opencentral.core.export;

import java.util.regex.Pattern;
import org.opencentral.core.DomainException;

/**
 * {@code postgresql@v1} (OpenCentral's extension): a PostgreSQL table, created if missing, that
 * exported messages are inserted into. {@code table} is an identifier ({@code name} or
 * {@code schema.name}: letters, digits and '_', not starting with a digit, up to 63 each), so it can
 * be written into SQL as it is; {@code password} is a write-only secret.
 */
public record PostgresDestination(String id, String displayName, String url, String username, String password,
        String table) implements Destination {
    public static final String TYPE = "postgresql@v1";
    private static final Pattern TABLE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}$");

    public PostgresDestination {
        ExportIds.check("destination", id);
        ExportIds.displayName("destination", displayName);
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw DomainException.badRequest("'url' must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
        }
        if (url.matches("(?i).*[?&](user|password)=.*")) {
            throw DomainException.badRequest("'url' must not carry credentials: use 'username' and 'password' (the "
                    + "password is kept as a secret)");
        }
        if (username == null || username.isBlank()) {
            throw DomainException.badRequest("a postgresql@v1 destination needs a 'username'");
        }
        if (password == null) {
            throw DomainException.badRequest("a postgresql@v1 destination needs a 'password'");
        }
        if (table == null || !TABLE.matcher(table).matches()) {
            throw DomainException.badRequest("'table' must be an identifier (name or schema.name: letters, digits "
                    + "and '_', not starting with a digit, up to 63 each)");
        }
    }

    /** Without the password, so that it never reaches a log. */
    @Override
    public String toString() {
        return "PostgresDestination[id=" + id + ", displayName=" + displayName + ", url=" + url + ", username="
                + username + ", table=" + table + "]";
    }

    @Override
    public String type() {
        return TYPE;
    }
}
