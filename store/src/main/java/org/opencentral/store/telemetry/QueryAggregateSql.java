package org.opencentral.store.telemetry;

import java.util.ArrayList;
import java.util.List;
import org.opencentral.core.telemetry.Source;
import org.opencentral.core.telemetry.TelemetryQuery;
import org.opencentral.core.telemetry.TelemetryQuery.Aggregate;
import org.opencentral.core.telemetry.TelemetryQuery.Aggregation;
import org.opencentral.core.telemetry.TelemetryQuery.Condition;
import org.opencentral.core.telemetry.TimeRange;

/**
 * Aggregate queries, grouped by device and/or window as the plan says. Row layout:
 * {@code d, b, a0, a1, …} ({@code d}, {@code b} null when not grouped by). From the rollups:
 * partial aggregates per series and bucket ({@link TelemetryAggregateSql#partials}, the history API's
 * planner), merged per series with FILTER; from raw messages: the pivot {@code m} aggregated directly.
 */
final class QueryAggregateSql {
    private final TelemetryQuery query;
    private final Aggregation aggregation;
    private final TelemetryDialect dialect;
    private final TimeRange range;

    QueryAggregateSql(TelemetryQuery query, TelemetryDialect dialect) {
        this.query = query;
        this.aggregation = query.aggregation().orElseThrow();
        this.dialect = dialect;
        this.range = query.range().orElseThrow();
    }

    SqlStatement compile() {
        return aggregation.rollups() && rollupsSuffice() ? fromRollups() : fromRaw();
    }

    /** Whether the rollups can answer: the condition is on devices only, and no COUNT(*). */
    boolean rollupsSuffice() {
        boolean countStar = aggregation.aggregates().stream().anyMatch(a -> a.series().isEmpty());
        return !countStar && query.condition().map(QueryAggregateSql::deviceLevel).orElse(true);
    }

    private SqlStatement fromRollups() {
        long widthUs = aggregation.window().map(w -> w.toNanos() / 1_000).orElse(Micros.HOUR);
        QueryText sql = new QueryText().sql("WITH ");
        QuerySeriesSql.cte(sql, query);
        sql.sql(", p AS (");
        partials(sql, widthUs);
        sql.sql(")");
        sql.sql(", x AS (SELECT s.device_id AS d, s.k AS k, p.b AS b, p.n AS n, p.total AS total, p.lo AS lo, "
                + "p.hi AS hi, p.first_us AS first_us, p.first_value AS first_value, p.last_us AS last_us, "
                + "p.last_value AS last_value FROM p JOIN s ON p.series_id = s.id)");
        List<String> expressions = aggregation.aggregates().stream().map(this::fromPartials).toList();
        return select(sql, "x", expressions);
    }

    /**
     * The columns {@code series_id, b, n, total, lo, hi, first_us, first_value, last_us, last_value}:
     * partial aggregates of the series in {@code s} per bucket, from the rollups for the aligned
     * middle of the range, as {@link TelemetryReader} reads them; several rows may share a bucket.
     */
    private void partials(QueryText sql, long widthUs) {
        List<QueryPlanner.Segment> plan = QueryPlanner.plan(Micros.of(range.from()), Micros.of(range.to()), widthUs,
                Source.AUTO);
        if (plan.isEmpty()) {
            sql.sql("SELECT " + TelemetryAggregateSql.COLUMNS + " FROM (SELECT CAST(NULL AS INTEGER) AS series_id, "
                    + "CAST(NULL AS BIGINT) AS b, CAST(NULL AS BIGINT) AS n, CAST(NULL AS DOUBLE PRECISION) AS total, "
                    + "CAST(NULL AS DOUBLE PRECISION) AS lo, CAST(NULL AS DOUBLE PRECISION) AS hi, "
                    + "CAST(NULL AS BIGINT) AS first_us, CAST(NULL AS DOUBLE PRECISION) AS first_value, "
                    + "CAST(NULL AS BIGINT) AS last_us, CAST(NULL AS DOUBLE PRECISION) AS last_value) e WHERE 1 = 0");
            return;
        }
        SqlStatement partials = TelemetryAggregateSql.partials(dialect, plan, widthUs, "series_id IN (SELECT id FROM s)",
                List.of());
        sql.append(partials.sql(), partials.parameters());
    }

    private SqlStatement fromRaw() {
        QueryText sql = new QueryText().sql("WITH ");
        QuerySeriesSql.cte(sql, query);
        sql.sql(", ");
        QueryPivotSql.cte(sql, query);
        sql.sql(", w AS (SELECT m.*, ");
        aggregation.window().ifPresentOrElse(w -> sql.sql("t - t % ").bind(w.toNanos() / 1_000),
                () -> sql.sql("CAST(NULL AS BIGINT)"));
        sql.sql(" AS b FROM m)");
        List<String> expressions = aggregation.aggregates().stream().map(this::fromValues).toList();
        return select(sql, "w", expressions);
    }

    private SqlStatement select(QueryText sql, String from, List<String> expressions) {
        boolean byDevice = aggregation.byDevice();
        boolean byWindow = aggregation.window().isPresent();
        sql.sql(" SELECT ").sql(byDevice ? "d" : "CAST(NULL AS VARCHAR)").sql(" AS d, ")
                .sql(byWindow ? "b" : "CAST(NULL AS BIGINT)").sql(" AS b");
        for (int i = 0; i < expressions.size(); i++) {
            sql.sql(", " + expressions.get(i) + " AS a" + i);
        }
        sql.sql(" FROM " + from);
        query.condition().ifPresent(c -> {
            sql.sql(" WHERE ");
            QueryFilterSql.write(sql, c);
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
        for (TelemetryQuery.Order order : query.orderBy()) {
            sql.sql(alias(order.key()) + " " + order.direction().name() + " NULLS LAST, ");
        }
        sql.sql("b ASC NULLS LAST, d ASC NULLS LAST LIMIT ").bind((long) query.limit());
        return sql.build();
    }

    private String fromPartials(Aggregate aggregate) {
        String of = "k = " + aggregate.series().orElseThrow();
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

    private String fromValues(Aggregate aggregate) {
        if (aggregate.series().isEmpty()) {
            return "CAST(count(*) AS BIGINT)";
        }
        String v = "v" + aggregate.series().getAsInt() + "_n";
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

    private static String alias(TelemetryQuery.Key key) {
        return switch (key) {
            case TelemetryQuery.Key.Device d -> "d";
            case TelemetryQuery.Key.Time t -> "b";
            case TelemetryQuery.Key.AggregateValue a -> "a" + a.aggregate();
            case TelemetryQuery.Key.SeriesValue s -> throw new IllegalArgumentException("series value in an aggregate query");
        };
    }

    /** Whether a condition holds for a device as a whole: conditions on the device only. */
    private static boolean deviceLevel(Condition condition) {
        return switch (condition) {
            case Condition.All all -> all.operands().stream().allMatch(QueryAggregateSql::deviceLevel);
            case Condition.Any any -> any.operands().stream().allMatch(QueryAggregateSql::deviceLevel);
            case Condition.Not not -> deviceLevel(not.operand());
            case Condition.DeviceCompare d -> true;
            case Condition.DeviceIn d -> true;
            case Condition.ValueCompare v -> false;
            case Condition.ValueIn v -> false;
            case Condition.ValueIsNull v -> false;
            case Condition.TimeCompare t -> false;
        };
    }
}
