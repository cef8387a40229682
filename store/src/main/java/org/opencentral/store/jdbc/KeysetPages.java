package org.opencentral.store.jdbc;

import java.util.ArrayList;
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

    /**
     * One page of {@code table}'s rows in id order after {@code after}, within {@code organizations}
     * (none: everywhere; an empty set: nothing), read as {@code select} ({@code "SELECT cols FROM t"}).
     */
    static <T> Page<T> scoped(JdbcDatabase database, String select, Optional<Set<String>> organizations,
            Optional<String> after, int limit, RowMapper<T> mapper, Function<T, String> id) {
        requirePositive(limit);
        if (organizations.filter(Set::isEmpty).isPresent()) {
            return new Page<>(List.of(), Optional.empty());
        }
        List<Object> parameters = new ArrayList<>(List.of(after.orElse("")));
        String scope = organizationIn(organizations, parameters);
        parameters.add(limit + 1);
        List<T> rows = database.read(c -> Jdbc.query(c, select + " WHERE id > ?" + scope + " ORDER BY id LIMIT ?",
                mapper, parameters.toArray()));
        return page(rows, limit, id);
    }

    /** {@code " AND organization IN (?, …)"} for {@code organizations}, their values added to {@code parameters}. */
    static String organizationIn(Optional<Set<String>> organizations, List<Object> parameters) {
        return organizations.map(orgs -> {
            orgs.stream().sorted().forEach(parameters::add);
            return " AND organization IN (" + String.join(", ", Collections.nCopies(orgs.size(), "?")) + ")";
        }).orElse("");
    }
}
