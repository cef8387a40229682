package org.opencentral.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small helpers over {@link PreparedStatement}: every value is a bind parameter. Parameters may be
 * {@code String}, {@code Long}, {@code Integer}, {@code Boolean}, {@code byte[]}, {@link Instant}
 * (stored as epoch milliseconds) or a typed {@link SqlNull}.
 */
public final class Jdbc {
    private Jdbc() {
    }

    public static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    /** Runs one statement for each parameter row as a JDBC batch; returns the summed update counts. */
    public static int batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
            }
            int total = 0;
            for (int count : statement.executeBatch()) {
                total += Math.max(count, 0);
            }
            return total;
        }
    }

    public static <T> List<T> query(Connection connection, String sql, RowMapper<T> mapper, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    public static <T> Optional<T> queryOne(Connection connection, String sql, RowMapper<T> mapper,
            Object... parameters) throws SQLException {
        List<T> rows = query(connection, sql, mapper, parameters);
        if (rows.size() > 1) {
            throw new IllegalStateException("expected at most one row from: " + sql);
        }
        return rows.stream().findFirst();
    }

    public static long queryLong(Connection connection, String sql, Object... parameters) throws SQLException {
        return queryOne(connection, sql, row -> row.getLong(1), parameters)
                .orElseThrow(() -> new IllegalStateException("no row from: " + sql));
    }

    public static boolean exists(Connection connection, String sql, Object... parameters) throws SQLException {
        return queryOne(connection, sql, row -> Boolean.TRUE, parameters).isPresent();
    }

    public static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    public static Object nullableMillis(Optional<Instant> instant) {
        return instant.<Object>map(Instant::toEpochMilli).orElse(SqlNull.BIGINT);
    }

    public static Object nullableText(Optional<String> text) {
        return text.<Object>map(t -> t).orElse(SqlNull.TEXT);
    }

    public static Optional<Instant> optionalInstant(ResultSet row, String column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    private static void bind(PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            switch (parameters[i]) {
                case null -> throw new IllegalArgumentException("use SqlNull for parameter " + index);
                case String s -> statement.setString(index, s);
                case Long l -> statement.setLong(index, l);
                case Integer n -> statement.setInt(index, n);
                case Double d -> statement.setDouble(index, d);
                case Boolean b -> statement.setBoolean(index, b);
                case byte[] bytes -> statement.setBytes(index, bytes);
                case Instant t -> statement.setLong(index, t.toEpochMilli());
                case SqlNull n -> statement.setNull(index, n.sqlType());
                default -> throw new IllegalArgumentException(
                        "unsupported parameter type " + parameters[i].getClass().getName());
            }
        }
    }
}
