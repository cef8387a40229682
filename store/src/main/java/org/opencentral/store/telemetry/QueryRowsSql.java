package org.opencentral.store.telemetry;

import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * A telemetry query without aggregates: the pivot's rows that pass the condition, ordered (then by
 * time and device, so that a limit is deterministic), at most the query's limit. Row layout:
 * {@code d, t, v0_n, v0_f, v0_t, …}.
 */
final class QueryRowsSql {
    private QueryRowsSql() {
    }

    static SqlStatement compile(TelemetryQuery query) {
        QueryText sql = new QueryText().sql("WITH ");
        QuerySeriesSql.cte(sql, query);
        sql.sql(", ");
        QueryPivotSql.cte(sql, query);
        sql.sql(" SELECT d, t");
        for (int i = 0; i < query.series().size(); i++) {
            sql.sql(", v" + i + "_n, v" + i + "_f, v" + i + "_t");
        }
        sql.sql(" FROM m");
        query.condition().ifPresent(c -> {
            sql.sql(" WHERE ");
            QueryFilterSql.write(sql, c);
        });
        sql.sql(" ORDER BY ");
        for (TelemetryQuery.Order order : query.orderBy()) {
            sql.sql(orderKey(order)).sql(", ");
        }
        sql.sql("t ASC, d ASC LIMIT ").bind((long) query.limit());
        return sql.build();
    }

    private static String orderKey(TelemetryQuery.Order order) {
        String suffix = " " + order.direction().name() + " NULLS LAST";
        return switch (order.key()) {
            case TelemetryQuery.Key.SeriesValue s -> {
                String v = "v" + s.series();
                yield v + "_n" + suffix + ", " + v + "_t" + suffix + ", " + v + "_f" + suffix;
            }
            case TelemetryQuery.Key.Device d -> "d" + suffix;
            case TelemetryQuery.Key.Time t -> "t" + suffix;
            case TelemetryQuery.Key.AggregateValue a -> throw new IllegalArgumentException("aggregate in a row query");
        };
    }
}
