package org.opencentral.platform.query.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.core.telemetry.TelemetrySql;
import org.opencentral.core.telemetry.TimeRange;
import org.opencentral.platform.query.Column;
import org.opencentral.platform.query.Filter;
import org.opencentral.platform.query.Ordering;
import org.opencentral.platform.query.Query;
import org.opencentral.platform.query.ValueRef;
import org.opencentral.platform.query.ast.SystemField;

/**
 * Aggregate queries, grouped by device when {@code $id} is selected and by window with GROUP BY
 * WINDOW. Row layout: {@code d, b, a0, a1, …} ({@code d}, {@code b} null when not grouped by).
 * From the rollups: partial aggregates per series and bucket, merged per capability with FILTER;
 * from raw messages: the pivot {@code m} aggregated directly.
 */
final class AggregateSql {
    private final Query query;
    private final SeriesScope scope;
    private final DeviceSet devices;
    private final SqlDialect dialect;
    private final TimeRange range;

    AggregateSql(Query query, SeriesScope scope, DeviceSet devices, SqlDialect dialect, TimeRange range) {
        this.query = query;
        this.scope = scope;
        this.devices = devices;
        this.dialect = dialect;
        this.range = range;
    }

    /** Whether the rollups can answer: WHERE holds device metadata only, and no COUNT(*). */
    boolean rollupsSuffice() {
        boolean countStar = aggregates().stream().anyMatch(a -> a.argument().isEmpty());
        return !countStar && query.filter().map(AggregateSql::deviceLevel).orElse(true);
    }

    CompiledQuery fromRollups(TelemetrySql telemetry) {
        long widthUs = query.window().map(w -> w.toNanos() / 1_000).orElse(3_600_000_000L);
        Sql sql = new Sql().sql("WITH ");
        scope.cte(sql, devices.ids());
        sql.sql(", p AS (").append(telemetry.aggregatePartials(
                new TelemetrySql.Statement("series_id IN (SELECT id FROM s)", List.of()), range,
                java.time.Duration.ofNanos(widthUs * 1_000))).sql(")");
        sql.sql(", x AS (SELECT s.device_id AS d, s.k AS k, p.b AS b, p.n AS n, p.total AS total, p.lo AS lo, "
                + "p.hi AS hi, p.first_us AS first_us, p.first_value AS first_value, p.last_us AS last_us, "
                + "p.last_value AS last_value FROM p JOIN s ON p.series_id = s.id)");
        List<String> expressions = aggregates().stream().map(this::fromPartials).toList();
        return select(sql, "x", expressions);
    }

    CompiledQuery fromRaw() {
        Sql sql = new Sql().sql("WITH ");
        scope.cte(sql, devices.ids());
        sql.sql(", ");
        PivotSql.cte(sql, scope, Optional.of(range));
        sql.sql(", w AS (SELECT m.*, ");
        query.window().ifPresentOrElse(w -> sql.sql("t - t % ").bind(w.toNanos() / 1_000),
                () -> sql.sql("CAST(NULL AS BIGINT)"));
        sql.sql(" AS b FROM m)");
        List<String> expressions = aggregates().stream().map(this::fromValues).toList();
        return select(sql, "w", expressions);
    }

    private CompiledQuery select(Sql sql, String from, List<String> expressions) {
        boolean byDevice = query.groupedByDevice();
        boolean byWindow = query.window().isPresent();
        sql.sql(" SELECT ").sql(byDevice ? "d" : "CAST(NULL AS VARCHAR)").sql(" AS d, ")
                .sql(byWindow ? "b" : "CAST(NULL AS BIGINT)").sql(" AS b");
        for (int i = 0; i < expressions.size(); i++) {
            sql.sql(", " + expressions.get(i) + " AS a" + i);
        }
        sql.sql(" FROM " + from);
        query.filter().ifPresent(f -> {
            sql.sql(" WHERE ");
            new FilterSql(scope, devices).write(sql, f);
        });
        List<String> keys = new ArrayList<>();
        if (byDevice) {
            keys.add("d");
        }
        if (byWindow) {
            keys.add("b");
        }
        if (!keys.isEmpty()) {
            sql.sql(" GROUP BY " + String.join(", ", keys));
        }
        sql.sql(" ORDER BY ");
        for (Ordering ordering : query.orderBy()) {
            sql.sql(alias(ordering) + " " + ordering.direction().name() + " NULLS LAST, ");
        }
        sql.sql("b ASC NULLS LAST, d ASC NULLS LAST LIMIT ").bind((long) query.limit());
        return new CompiledQuery(sql.build(), slots(), byDevice ? Optional.of(new Slot.Device(0)) : Optional.empty());
    }

    private String fromPartials(ValueRef.Aggregate aggregate) {
        String of = "k = " + scope.index(aggregate.argument().orElseThrow());
        String filter = " FILTER (WHERE " + of + ")";
        return switch (aggregate.function()) {
            case AVG -> "CAST(sum(total)" + filter + " AS DOUBLE PRECISION) / CAST(sum(n)" + filter
                    + " AS DOUBLE PRECISION)";
            case SUM -> "CAST(sum(total)" + filter + " AS DOUBLE PRECISION)";
            case COUNT -> "CAST(coalesce(sum(n)" + filter + ", 0) AS BIGINT)";
            case MIN -> "min(lo)" + filter;
            case MAX -> "max(hi)" + filter;
            case FIRST -> dialect.firstBy("first_value", "first_us", of);
            case LAST -> dialect.lastBy("last_value", "last_us", of);
        };
    }

    private String fromValues(ValueRef.Aggregate aggregate) {
        if (aggregate.argument().isEmpty()) {
            return "CAST(count(*) AS BIGINT)";
        }
        String v = "v" + scope.index(aggregate.argument().get()) + "_n";
        String filter = " FILTER (WHERE " + v + " IS NOT NULL)";
        return switch (aggregate.function()) {
            case AVG -> "CAST(avg(" + v + ")" + filter + " AS DOUBLE PRECISION)";
            case SUM -> "CAST(sum(" + v + ")" + filter + " AS DOUBLE PRECISION)";
            case COUNT -> "CAST(count(" + v + ") AS BIGINT)";
            case MIN -> "min(" + v + ")" + filter;
            case MAX -> "max(" + v + ")" + filter;
            case FIRST -> dialect.firstBy(v, "t", v + " IS NOT NULL");
            case LAST -> dialect.lastBy(v, "t", v + " IS NOT NULL");
        };
    }

    private String alias(Ordering ordering) {
        String name = ordering.column().orElseThrow(() -> new IllegalStateException("aggregate order by unselected"));
        int aggregate = 0;
        for (Column column : query.columns()) {
            if (column.name().equals(name)) {
                return column.value() instanceof ValueRef.Builtin b ? (b.field() == SystemField.ID ? "d" : "b")
                        : "a" + aggregate;
            }
            if (column.value() instanceof ValueRef.Aggregate) {
                aggregate++;
            }
        }
        throw new IllegalStateException("no column " + name);
    }

    private List<Slot> slots() {
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

    private List<ValueRef.Aggregate> aggregates() {
        return query.columns().stream().map(Column::value).filter(ValueRef.Aggregate.class::isInstance)
                .map(ValueRef.Aggregate.class::cast).toList();
    }

    /** Whether a condition holds for a device as a whole: metadata and {@code $id} only. */
    private static boolean deviceLevel(Filter filter) {
        return switch (filter) {
            case Filter.All all -> all.operands().stream().allMatch(AggregateSql::deviceLevel);
            case Filter.Any any -> any.operands().stream().allMatch(AggregateSql::deviceLevel);
            case Filter.Not not -> deviceLevel(not.operand());
            case Filter.Compare compare -> metadata(compare.value());
            case Filter.In in -> metadata(in.value());
        };
    }

    private static boolean metadata(ValueRef value) {
        return value instanceof ValueRef.Builtin b && b.field() != SystemField.TS;
    }
}
