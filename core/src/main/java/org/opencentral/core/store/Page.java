package org.opencentral.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a keyset-paged listing; {@code next} is the cursor of the following page, if any. */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
