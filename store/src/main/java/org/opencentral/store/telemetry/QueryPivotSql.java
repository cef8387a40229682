package org.opencentral.store.telemetry;

import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * The CTE {@code m(d, t, v0_n, v0_f, v0_t, …)}: one row per device and message time, with the
 * number, flag and text of each series the query reads (null where the message lacks it).
 */
final class QueryPivotSql {
    private QueryPivotSql() {
    }

    static void cte(QueryText sql, TelemetryQuery query) {
        sql.sql("m AS (SELECT s.device_id AS d, r.ts_us AS t");
        for (int i = 0; i < query.series().size(); i++) {
            String when = "CASE WHEN s.k = " + i + " THEN r.";
            sql.sql(", max(" + when + "num END) AS v" + i + "_n, bool_or(" + when + "flag END) AS v" + i
                    + "_f, max(" + when + "txt END) AS v" + i + "_t");
        }
        sql.sql(" FROM telemetry_raw r JOIN s ON r.series_id = s.id");
        query.range().ifPresent(r -> sql.sql(" WHERE r.ts_us >= ").bind(Micros.of(r.from())).sql(" AND r.ts_us < ")
                .bind(Micros.of(r.to())));
        sql.sql(" GROUP BY s.device_id, r.ts_us)");
    }
}
