package org.opencentral.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One embedded PostgreSQL (binaries from Maven) for the platform's tests, started on first use and
 * stopped when the JVM exits; each user gets an empty schema of its own through {@link #newSchemaUrl}.
 */
public final class TestPostgres {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestPostgres() {
    }

    /** Creates an empty schema {@code {prefix}_{n}} and returns a JDBC URL (no credentials: {@link #USER}, {@link #PASSWORD}) whose unqualified names resolve in it. */
    public static String newSchemaUrl(String prefix) {
        String schema = prefix + "_" + SCHEMAS.incrementAndGet();
        try (Connection admin = server().getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres?currentSchema=" + schema;
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
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
}
