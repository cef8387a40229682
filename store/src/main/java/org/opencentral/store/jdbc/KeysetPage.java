package org.opencentral.store.jdbc;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.opencentral.core.store.Page;

/** A keyset page from the {@code limit + 1} rows a query read: the extra row says there is a next page. */
final class KeysetPage {
    private KeysetPage() {
    }

    static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursor) {
        if (rows.size() <= limit) {
            return new Page<>(rows, Optional.empty());
        }
        List<T> page = rows.subList(0, limit);
        return new Page<>(page, Optional.of(cursor.apply(page.get(limit - 1))));
    }
}
