package org.opencentral.platform.query.sql;

import java.util.Optional;
import org.opencentral.core.telemetry.TimeRange;

/**
 * The CTE {@code m(d, t, v0_n, v0_f, v0_t, …)}: one row per device and message time, with the
 * number, flag and text of each capability the query reads (null where the message lacks it).
 */
final class PivotSql {
    private PivotSql() {
    }

    static void cte(Sql sql, SeriesScope scope, Optional<TimeRange> range) {
        sql.sql("m AS (SELECT s.device_id AS d, r.ts_us AS t");
        for (int i = 0; i < scope.capabilities().size(); i++) {
            String when = "CASE WHEN s.k = " + i + " THEN r.";
            sql.sql(", max(" + when + "num END) AS v" + i + "_n, bool_or(" + when + "flag END) AS v" + i
                    + "_f, max(" + when + "txt END) AS v" + i + "_t");
        }
        sql.sql(" FROM telemetry_raw r JOIN s ON r.series_id = s.id");
        range.ifPresent(r -> sql.sql(" WHERE r.ts_us >= ").bind(micros(r.from())).sql(" AND r.ts_us < ")
                .bind(micros(r.to())));
        sql.sql(" GROUP BY s.device_id, r.ts_us)");
    }

    static long micros(java.time.Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
