package org.opencentral.api.odata;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.core.filter.ListField;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.ListOrdering;

/**
 * A list request's {@code $filter} and {@code $orderby}, parsed, with the text they were given in
 * ({@link #carried()}) so that {@code nextLink} can repeat them and continue the same query.
 */
public record ListOptions<F extends ListField>(Optional<ListFilter<F>> filter, Optional<ListOrdering<F>> order,
        Map<String, String> carried) {
    public ListOptions {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(order, "order");
        carried = Map.copyOf(carried);
    }

    /** Parses the options of a request; blank values count as absent. */
    public static <F extends ListField> ListOptions<F> read(Optional<String> filterText, Optional<String> orderByText,
            Fields<F> fields) {
        Optional<String> filter = filterText.filter(t -> !t.isBlank());
        Optional<String> orderBy = orderByText.filter(t -> !t.isBlank());
        Map<String, String> carried = new LinkedHashMap<>();
        filter.ifPresent(t -> carried.put(FilterParser.PARAMETER, t));
        orderBy.ifPresent(t -> carried.put(OrderByParser.PARAMETER, t));
        return new ListOptions<>(filter.map(t -> FilterParser.parse(t, fields)),
                orderBy.map(t -> OrderByParser.parse(t, fields)), carried);
    }
}
