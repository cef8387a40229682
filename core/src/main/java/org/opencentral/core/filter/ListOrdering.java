package org.opencentral.core.filter;

import java.util.Objects;

/** A listing's order: one sortable field and a direction; ties are always broken by id ascending/descending alike. */
public record ListOrdering<F extends ListField>(F field, Direction direction) {
    public enum Direction {
        ASC, DESC
    }

    public ListOrdering {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(direction, "direction");
        if (!field.sortable()) {
            throw new IllegalArgumentException(field.wireName() + " cannot be ordered by");
        }
    }

    /** {@code displayName desc}, as in OData's {@code $orderby}. */
    @Override
    public String toString() {
        return field.wireName() + " " + direction.name().toLowerCase(java.util.Locale.ROOT);
    }
}
