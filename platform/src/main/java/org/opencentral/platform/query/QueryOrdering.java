package org.opencentral.platform.query;

import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.query.ast.SortDirection;

/**
 * One ORDER BY key. {@code column} names the output column when the key is a selected item; it is
 * empty for {@code $ts} or {@code $id} when they are not selected.
 */
public record QueryOrdering(ValueRef value, Optional<String> column, SortDirection direction) {
    public QueryOrdering {
        Objects.requireNonNull(value);
        Objects.requireNonNull(column);
        Objects.requireNonNull(direction);
    }
}
