package org.opencentral.store.contract;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL (binaries from Maven) for the whole test JVM, started on first use and
 * stopped at exit; every test gets a schema of its own through {@link #newSchemaUrl}.
 */
public final class SharedPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private SharedPostgres() {
    }

    public static synchronized EmbeddedPostgres get() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }

    /** Creates an empty schema and returns a JDBC URL whose unqualified names resolve in it. */
    public static String newSchemaUrl(String prefix) {
        String base = get().getJdbcUrl(USER, PASSWORD);
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + newSchema(prefix);
    }

    /** As {@link #newSchemaUrl}, but the URL carries no credentials: connect as {@link #USER} with {@link #PASSWORD}. */
    public static String newSchemaUrlWithoutCredentials(String prefix) {
        return "jdbc:postgresql://localhost:" + get().getPort() + "/postgres?currentSchema=" + newSchema(prefix);
    }

    private static String newSchema(String prefix) {
        String schema = prefix + "_" + SCHEMAS.incrementAndGet();
        try (Connection admin = get().getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return schema;
    }
}
