package org.opencentral.store.telemetry;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Binds query-language parameters and normalizes JDBC results to Long, Double, Boolean, String. */
final class Binder {
    private Binder() {
    }

    static void bind(Connection c, PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            int at = i + 1;
            switch (parameters.get(i)) {
                case Long l -> statement.setLong(at, l);
                case Integer n -> statement.setInt(at, n);
                case Double d -> statement.setDouble(at, d);
                case Boolean b -> statement.setBoolean(at, b);
                case String s -> statement.setString(at, s);
                case QueryText.StringList list -> statement.setArray(at,
                        c.createArrayOf("varchar", list.values().toArray(new String[0])));
                default -> throw new IllegalArgumentException("unsupported parameter " + parameters.get(i));
            }
        }
    }

    static Object value(Object jdbc) {
        return switch (jdbc) {
            case null -> null;
            case Long l -> l;
            case Integer n -> n.longValue();
            case Short n -> n.longValue();
            case BigInteger n -> n.longValue();
            case BigDecimal n -> n.scale() <= 0 ? (Object) n.longValue() : (Object) n.doubleValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Boolean b -> b;
            case String s -> s;
            default -> jdbc.toString();
        };
    }
}
