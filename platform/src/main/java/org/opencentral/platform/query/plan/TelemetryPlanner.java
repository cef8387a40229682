package org.opencentral.platform.query.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.opencentral.core.telemetry.TelemetryQuery;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.QueryOrdering;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.QueryKind;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.SourcePosition;
import org.opencentral.platform.query.ast.SystemField;
import org.opencentral.platform.query.ast.TimeWindow;

/**
 * Plans telemetry queries (rows, and aggregates with or without GROUP BY WINDOW) as one {@link
 * TelemetryQuery} for the telemetry store, and records where each output column is in its rows.
 * Aggregates without WITHIN_WINDOW cover the last 30 days. The store answers aggregates from its
 * rollups when they suffice; {@code rollups = false} makes it read the raw messages.
 */
public final class TelemetryPlanner {
    /** What aggregates cover when the query has no WITHIN_WINDOW (IoT Central's rule). */
    public static final Duration DEFAULT_AGGREGATE_RANGE = Duration.ofDays(30);

    private final boolean rollups;

    public TelemetryPlanner(boolean rollups) {
        this.rollups = rollups;
    }

    public TelemetryPlanner() {
        this(true);
    }

    /** The plan of a telemetry query over {@code devices} (non-empty), {@code now} being the time of the request. */
    public PlannedQuery plan(Query query, DeviceSet devices, Instant now) {
        if (query.kind() != QueryKind.TELEMETRY) {
            throw new IllegalArgumentException("property queries do not read the telemetry store");
        }
        SeriesScope scope = SeriesScope.of(query);
        Optional<TelemetryQuery.Condition> condition = query.filter()
                .map(f -> new ConditionPlanner(scope, devices).plan(f));
        boolean aggregated = query.aggregated();
        List<TelemetryQuery.Order> orders = query.orderBy().stream()
                .map(o -> new TelemetryQuery.Order(aggregated ? aggregateKey(query, o) : rowKey(scope, o.value()),
                        TelemetryQuery.Direction.valueOf(o.direction().name())))
                .toList();
        Optional<TelemetryQuery.Aggregation> aggregation = aggregated
                ? Optional.of(aggregation(query, scope)) : Optional.empty();
        TelemetryQuery plan = new TelemetryQuery(devices.ids(), scope.series(), range(query, now), aggregation,
                condition, orders, query.limit());
        return aggregated
                ? new PlannedQuery(plan, aggregateSlots(query), query.groupedByDevice()
                        ? Optional.of(new Slot.Device(0)) : Optional.empty())
                : new PlannedQuery(plan, rowSlots(query, scope), Optional.of(new Slot.Device(0)));
    }

    static Optional<TimeRange> range(Query query, Instant now) {
        Optional<TimeRange> written = query.timeRange().map(w -> switch (w) {
            case TimeWindow.Recent recent -> TimeRange.last(recent.duration().value(), now);
            case TimeWindow.Between between -> new TimeRange(between.start(), between.end());
        });
        if (written.isEmpty() && query.aggregated()) {
            return Optional.of(TimeRange.last(DEFAULT_AGGREGATE_RANGE, now));
        }
        return written;
    }

    private TelemetryQuery.Aggregation aggregation(Query query, SeriesScope scope) {
        List<TelemetryQuery.Aggregate> aggregates = aggregates(query).stream()
                .map(a -> new TelemetryQuery.Aggregate(TelemetryQuery.Function.valueOf(a.function().name()),
                        a.argument().map(c -> OptionalInt.of(scope.index(c))).orElse(OptionalInt.empty())))
                .toList();
        return new TelemetryQuery.Aggregation(aggregates, query.groupedByDevice(), query.window(), rollups);
    }

    private static TelemetryQuery.Key rowKey(SeriesScope scope, ValueRef value) {
        return switch (value) {
            case ValueRef.Capability c -> new TelemetryQuery.Key.SeriesValue(scope.index(c));
            case ValueRef.Builtin b -> switch (b.field()) {
                case ID -> new TelemetryQuery.Key.Device();
                case TS -> new TelemetryQuery.Key.Time();
                case PROVISIONED, SIMULATED, ENABLED, DISPLAY_NAME, TEMPLATE -> throw new QueryException(
                        new SourcePosition(0, 1, 1), "ORDER BY " + b.field().text()
                                + " is not supported in telemetry queries; order by telemetry, $ts or $id");
            };
            case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in a row query");
        };
    }

    private static TelemetryQuery.Key aggregateKey(Query query, QueryOrdering ordering) {
        String name = ordering.column().orElseThrow(() -> new IllegalStateException("aggregate order by unselected"));
        int aggregate = 0;
        for (Column column : query.columns()) {
            if (column.name().equals(name)) {
                return switch (column.value()) {
                    case ValueRef.Builtin b when b.field() == SystemField.ID -> new TelemetryQuery.Key.Device();
                    case ValueRef.Builtin b -> new TelemetryQuery.Key.Time();
                    case ValueRef.Aggregate a -> new TelemetryQuery.Key.AggregateValue(aggregate);
                    case ValueRef.Capability c -> throw new IllegalStateException("unaggregated " + c.path());
                };
            }
            if (column.value() instanceof ValueRef.Aggregate) {
                aggregate++;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    /** Rows: {@code d, t, v0_n, v0_f, v0_t, …}. */
    private static List<Slot> rowSlots(Query query, SeriesScope scope) {
        List<Slot> slots = new ArrayList<>();
        for (Column column : query.columns()) {
            slots.add(switch (column.value()) {
                case ValueRef.Capability c -> new Slot.Value(2 + 3 * scope.index(c));
                case ValueRef.Builtin b -> switch (b.field()) {
                    case ID -> new Slot.Device(0);
                    case TS -> new Slot.Time(1);
                    case PROVISIONED, SIMULATED, ENABLED, DISPLAY_NAME, TEMPLATE -> new Slot.Metadata(b.field());
                };
                case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in a row query");
            });
        }
        return slots;
    }

    /** Aggregates: {@code d, b, a0, a1, …}. */
    private static List<Slot> aggregateSlots(Query query) {
        List<Slot> slots = new ArrayList<>();
        int aggregate = 0;
        for (Column column : query.columns()) {
            slots.add(switch (column.value()) {
                case ValueRef.Aggregate a -> new Slot.Number(2 + aggregate++);
                case ValueRef.Builtin b -> b.field() == SystemField.ID ? new Slot.Device(0) : new Slot.Time(1);
                case ValueRef.Capability c -> throw new IllegalStateException("unaggregated " + c.path());
            });
        }
        return slots;
    }

    private static List<ValueRef.Aggregate> aggregates(Query query) {
        return query.columns().stream().map(Column::value).filter(ValueRef.Aggregate.class::isInstance)
                .map(ValueRef.Aggregate.class::cast).toList();
    }
}
