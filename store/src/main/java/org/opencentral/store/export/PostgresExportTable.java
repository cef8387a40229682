package org.opencentral.store.export;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.opencentral.core.export.ExportTable;
import org.opencentral.core.export.PostgresDestination;

/**
 * A {@code postgresql@v1} destination's table: a batch is inserted in one transaction, one row per
 * message in order: {@code id} (a growing sequence), {@code idempotency_key} (unique),
 * {@code device_id}, {@code message_source}, {@code enqueued_time} and {@code message} (jsonb). The
 * table is created if missing. A retried batch's rows that are already there are skipped
 * ({@code ON CONFLICT DO NOTHING}), so at-least-once delivery adds no duplicate rows. Any SQL error
 * refuses the whole batch (nothing of it was committed) and the connection is opened again for the retry.
 */
public final class PostgresExportTable implements ExportTable {
    private final PostgresDestination destination;
    private final String where;
    private Connection connection;

    public PostgresExportTable(PostgresDestination destination) {
        this.destination = Objects.requireNonNull(destination, "destination");
        String url = destination.url();
        this.where = "table '" + destination.table() + "' at "
                + (url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
    }

    @Override
    public void insert(List<Row> rows) throws Refused {
        try {
            insert(connection(), rows);
        } catch (SQLException e) {
            close();
            throw new Refused("inserting into " + where + " failed: " + e.getMessage());
        }
    }

    private void insert(Connection c, List<Row> rows) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + destination.table()
                + " (idempotency_key, device_id, message_source, enqueued_time, message) VALUES (?, ?, ?, ?, ?::jsonb)"
                + " ON CONFLICT (idempotency_key) DO NOTHING")) {
            for (Row row : rows) {
                insert.setString(1, row.key());
                insert.setString(2, row.device().orElse(null));
                insert.setString(3, row.source());
                insert.setObject(4, row.enqueued().atOffset(ZoneOffset.UTC));
                insert.setString(5, row.message());
                insert.addBatch();
            }
            insert.executeBatch();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** The open connection, or a new one with the table created if it is missing. */
    private Connection connection() throws SQLException {
        if (connection == null) {
            Properties properties = new Properties();
            properties.setProperty("user", destination.username());
            properties.setProperty("password", destination.password());
            properties.setProperty("connectTimeout", "10");
            properties.setProperty("socketTimeout", "30");
            Connection opened = DriverManager.getConnection(destination.url(), properties);
            try (Statement create = opened.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + destination.table() + " ("
                        + "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        + "idempotency_key TEXT NOT NULL UNIQUE, device_id TEXT, message_source TEXT NOT NULL, "
                        + "enqueued_time TIMESTAMPTZ NOT NULL, message JSONB NOT NULL)");
                opened.setAutoCommit(false);
            } catch (SQLException e) {
                opened.close();
                throw e;
            }
            connection = opened;
        }
        return connection;
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // the connection is being dropped anyway
            } finally {
                connection = null;
            }
        }
    }
}
