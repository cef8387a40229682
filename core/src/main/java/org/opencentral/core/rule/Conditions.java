package org.opencentral.core.rule;

import java.util.List;
import java.util.Objects;

/** A rule's condition items, combined with {@code all} or {@code any}; at least one item. */
public record Conditions(Match match, List<Condition> items) {
    public static final int MAX_ITEMS = 10;

    public Conditions {
        Objects.requireNonNull(match, "match");
        items = List.copyOf(items);
        if (items.isEmpty() || items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a rule has 1 to " + MAX_ITEMS + " condition items");
        }
    }
}
