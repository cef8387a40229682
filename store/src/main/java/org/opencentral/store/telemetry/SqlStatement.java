package org.opencentral.store.telemetry;

import java.util.List;
import java.util.Objects;

/**
 * SQL text with {@code ?} placeholders and their values in order ({@link Long}, {@link Integer},
 * {@link Double}, {@link Boolean}, {@link String} or a {@link QueryText.StringList}; bound by {@link Binder}).
 */
record SqlStatement(String sql, List<Object> parameters) {
    SqlStatement {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }
}
