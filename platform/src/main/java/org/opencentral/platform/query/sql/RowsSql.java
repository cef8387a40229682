package org.opencentral.platform.query.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.Ordering;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.QueryException;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.SourcePosition;

/**
 * A telemetry query without aggregates: the pivot's rows that pass WHERE, ordered (then by time
 * and device, so that TOP is deterministic), at most the query's limit. Row layout:
 * {@code d, t, v0_n, v0_f, v0_t, …}.
 */
final class RowsSql {
    private RowsSql() {
    }

    static CompiledQuery compile(Query query, SeriesScope scope, DeviceSet devices, Optional<TimeRange> range) {
        Sql sql = new Sql().sql("WITH ");
        scope.cte(sql, devices.ids());
        sql.sql(", ");
        PivotSql.cte(sql, scope, range);
        sql.sql(" SELECT d, t");
        for (int i = 0; i < scope.capabilities().size(); i++) {
            sql.sql(", v" + i + "_n, v" + i + "_f, v" + i + "_t");
        }
        sql.sql(" FROM m");
        query.filter().ifPresent(f -> {
            sql.sql(" WHERE ");
            new FilterSql(scope, devices).write(sql, f);
        });
        sql.sql(" ORDER BY ");
        for (Ordering ordering : query.orderBy()) {
            sql.sql(orderKey(ordering.value(), scope, ordering.direction().name())).sql(", ");
        }
        sql.sql("t ASC, d ASC LIMIT ").bind((long) query.limit());
        return new CompiledQuery(sql.build(), slots(query, scope), Optional.of(new Slot.Device(0)));
    }

    private static List<Slot> slots(Query query, SeriesScope scope) {
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

    private static String orderKey(ValueRef value, SeriesScope scope, String direction) {
        String suffix = " " + direction + " NULLS LAST";
        return switch (value) {
            case ValueRef.Capability c -> {
                String v = "v" + scope.index(c);
                yield v + "_n" + suffix + ", " + v + "_t" + suffix + ", " + v + "_f" + suffix;
            }
            case ValueRef.Builtin b -> switch (b.field()) {
                case ID -> "d" + suffix;
                case TS -> "t" + suffix;
                case PROVISIONED, SIMULATED, ENABLED, DISPLAY_NAME, TEMPLATE -> throw new QueryException(
                        new SourcePosition(0, 1, 1), "ORDER BY " + b.field().text()
                                + " is not supported in telemetry queries; order by telemetry, $ts or $id");
            };
            case ValueRef.Aggregate a -> throw new IllegalStateException("aggregate in a row query");
        };
    }
}
