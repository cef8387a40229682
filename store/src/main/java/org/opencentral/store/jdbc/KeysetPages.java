package org.opencentral.store.jdbc;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.opencentral.core.store.Page;

/** Keyset pages of rows read with {@code LIMIT limit + 1}, and the organization scope of a listing. */
final class KeysetPages {
    private KeysetPages() {
    }

    /** The first {@code limit} rows, with the key of the last as the cursor when there were more. */
    static <T> Page<T> page(List<T> rows, int limit, Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, limit);
        return new Page<>(page, Optional.of(key.apply(page.get(limit - 1))));
    }

    static void requirePositive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** {@code " AND organization IN (?, …)"} for {@code organizations}, their values added to {@code parameters}. */
    static String organizationIn(Optional<Set<String>> organizations, List<Object> parameters) {
        return organizations.map(orgs -> {
            orgs.stream().sorted().forEach(parameters::add);
            return " AND organization IN (" + String.join(", ", Collections.nCopies(orgs.size(), "?")) + ")";
        }).orElse("");
    }
}
