package org.opencentral.store.telemetry;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL text under construction: {@link #sql} appends text the builders wrote (schema names,
 * keywords, their own numbered aliases), {@link #bind} appends a {@code ?} and records the value.
 * User values enter only through {@link #bind}.
 */
final class QueryText {
    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /** A list of strings bound as one array parameter ({@code = ANY(?)}). */
    record StringList(List<String> values) {
        StringList {
            values = List.copyOf(values);
        }
    }

    QueryText sql(String fragment) {
        text.append(fragment);
        return this;
    }

    QueryText bind(Object value) {
        if (!(value instanceof Long || value instanceof Double || value instanceof Boolean || value instanceof String
                || value instanceof StringList)) {
            throw new IllegalArgumentException("not a bindable value: " + value);
        }
        text.append('?');
        parameters.add(value);
        return this;
    }

    /** Appends SQL text and its parameters. */
    QueryText append(String sql, List<Object> sqlParameters) {
        text.append(sql);
        parameters.addAll(sqlParameters);
        return this;
    }

    /** {@code (?, ?, …)} for the values. */
    QueryText bindList(List<?> values) {
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

    SqlStatement build() {
        return new SqlStatement(text.toString(), parameters);
    }
}
