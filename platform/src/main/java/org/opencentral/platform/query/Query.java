package org.opencentral.platform.query;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.opencentral.platform.query.ast.SystemField;
import org.opencentral.platform.query.ast.TimeWindow;

/**
 * A validated query, ready for a SQL compiler.
 *
 * <ul>
 *   <li>{@code columns}: output columns in order, names unique. In a windowed aggregate query
 *       ({@code window} present) a {@code $ts} column (the window start) is always present: the
 *       analyzer prepends it when the query does not select it.</li>
 *   <li>{@code timeRange}: the top-level {@code WITHIN_WINDOW}, if any (telemetry only). Aggregate
 *       queries without it aggregate over the last 30 days (IoT Central's rule; the compiler applies it).</li>
 *   <li>{@code filter}: the rest of WHERE.</li>
 *   <li>{@code window}: the GROUP BY WINDOW bucket size. Aggregate queries group by the window (if
 *       any) and by {@code $id} when {@code $id} is selected.</li>
 *   <li>{@code limit}: TOP n, or the row cap for the kind; never above the cap.</li>
 * </ul>
 */
public record Query(
        String templateId,
        QueryKind kind,
        List<Column> columns,
        Optional<TimeWindow> timeRange,
        Optional<QueryFilter> filter,
        Optional<Duration> window,
        List<QueryOrdering> orderBy,
        int limit) {

    public Query {
        Objects.requireNonNull(templateId);
        Objects.requireNonNull(kind);
        columns = List.copyOf(columns);
        Objects.requireNonNull(timeRange);
        Objects.requireNonNull(filter);
        Objects.requireNonNull(window);
        orderBy = List.copyOf(orderBy);
        if (columns.isEmpty() || limit < 1) {
            throw new IllegalArgumentException("a query has columns and a positive limit");
        }
    }

    /** Whether the columns are aggregates (plus {@code $id} / {@code $ts} keys). */
    public boolean aggregated() {
        return columns.stream().anyMatch(c -> c.value() instanceof ValueRef.Aggregate);
    }

    /** Whether an aggregate query yields one row per device (and window). */
    public boolean groupedByDevice() {
        return aggregated() && columns.stream().anyMatch(c -> c.value().equals(new ValueRef.Builtin(SystemField.ID)));
    }
}
