package org.opencentral.platform.query.sql;

import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.telemetry.TelemetrySql;

/**
 * SQL text under construction: {@link #sql} appends text the compiler wrote (schema names,
 * keywords, its own numbered aliases), {@link #bind} appends a {@code ?} and records the value.
 * User values enter only through {@link #bind}.
 */
final class Sql {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Sql sql(String fragment) {
        text.append(fragment);
        return this;
    }

    Sql bind(Object value) {
        if (!(value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String
                || value instanceof TelemetrySql.StringList)) {
            throw new IllegalArgumentException("not a bindable value: " + value);
        }
        text.append('?');
        parameters.add(value);
        return this;
    }

    /** Appends another statement, its text and its parameters. */
    Sql append(TelemetrySql.Statement statement) {
        text.append(statement.sql());
        parameters.addAll(statement.parameters());
        return this;
    }

    /** {@code (?, ?, …)} for the values. */
    Sql bindList(List<?> values) {
        text.append('(');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(", ");
            }
            bind(values.get(i));
        }
        text.append(')');
        return this;
    }

    TelemetrySql.Statement build() {
        return new TelemetrySql.Statement(text.toString(), parameters);
    }
}
