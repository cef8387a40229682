package org.opencentral.store.telemetry;

import java.util.List;
import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * The CTE {@code s(id, device_id, k)} of the series a query reads for its devices ({@code k}: the
 * series' number in the plan). With no series named, {@code s} holds every series of the devices
 * and {@code k} is 0. A member of an object-typed telemetry ({@code location.lat}) is its own
 * series, named by its dotted path.
 */
final class QuerySeriesSql {
    private QuerySeriesSql() {
    }

    /** {@code s AS (SELECT id, device_id, k FROM series WHERE …)}. */
    static void cte(QueryText sql, TelemetryQuery query) {
        List<TelemetryQuery.Series> series = query.series();
        sql.sql("s AS (SELECT id, device_id, ");
        if (series.isEmpty()) {
            sql.sql("0");
        } else {
            sql.sql("CASE");
            for (int i = 0; i < series.size(); i++) {
                sql.sql(" WHEN ");
                matches(sql, series.get(i));
                sql.sql(" THEN " + i);
            }
            sql.sql(" END");
        }
        sql.sql(" AS k FROM series WHERE device_id = ANY(").bind(new QueryText.StringList(query.devices())).sql(")");
        if (!series.isEmpty()) {
            sql.sql(" AND (");
            for (int i = 0; i < series.size(); i++) {
                sql.sql(i > 0 ? " OR " : "");
                matches(sql, series.get(i));
            }
            sql.sql(")");
        }
        sql.sql(")");
    }

    private static void matches(QueryText sql, TelemetryQuery.Series series) {
        sql.sql("(component = ").bind(series.component()).sql(" AND capability = ").bind(series.capability())
                .sql(")");
    }
}
