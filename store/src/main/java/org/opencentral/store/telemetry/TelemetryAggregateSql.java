package org.opencentral.store.telemetry;

import java.util.ArrayList;
import java.util.List;
import org.opencentral.store.telemetry.QueryPlanner.Segment;

/**
 * Builds the SQL of a bucketed aggregate from a plan: one partial aggregate per segment (grouped by
 * series and bucket; a rollup read at its own granularity needs no grouping), merged with
 * {@code UNION ALL} and a second grouping when there is more than one segment. The series filter
 * is a fixed SQL fragment with its own parameters; all values are bind parameters.
 */
final class TelemetryAggregateSql {
    static final String COLUMNS = "series_id, b, n, total, lo, hi, first_us, first_value, last_us, last_value";

    private TelemetryAggregateSql() {
    }

    /** Rows of {@link #COLUMNS}: one per series and bucket of {@code widthUs}. */
    static SqlStatement partials(TelemetryDialect dialect, List<Segment> plan, long widthUs, String filter,
            List<Object> filterParameters) {
        List<Object> parameters = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Segment segment : plan) {
            parts.add(segment(dialect, segment, widthUs, filter, filterParameters, parameters));
        }
        if (parts.size() == 1) {
            return new SqlStatement(parts.getFirst(), parameters);
        }
        String sql = "SELECT series_id, b, " + merged(dialect, "n", "total", "lo", "hi")
                + " FROM (" + String.join(" UNION ALL ", parts) + ") p GROUP BY series_id, b";
        return new SqlStatement(sql, parameters);
    }

    private static String segment(TelemetryDialect dialect, Segment segment, long widthUs, String filter,
            List<Object> filterParameters, List<Object> parameters) {
        Table table = segment.table();
        String where = " FROM " + table.table + " WHERE " + filter + " AND " + timeColumn(table) + " >= ? AND "
                + timeColumn(table) + " < ?";
        String sql;
        if (table == Table.RAW) {
            parameters.add(widthUs);
            sql = "SELECT series_id, ts_us - ts_us % ? AS b, CAST(count(*) AS BIGINT) AS n, sum(num) AS total, "
                    + "min(num) AS lo, max(num) AS hi, min(ts_us) AS first_us, "
                    + dialect.firstBy("num", "ts_us") + " AS first_value, max(ts_us) AS last_us, "
                    + dialect.lastBy("num", "ts_us") + " AS last_value" + where + " AND num IS NOT NULL";
        } else if (table.granularityUs == widthUs) {
            sql = "SELECT series_id, bucket_us AS b, n, total, lo, hi, first_us, first_value, last_us, last_value"
                    + where;
        } else {
            parameters.add(widthUs);
            sql = "SELECT series_id, bucket_us - bucket_us % ? AS b, " + merged(dialect, "n", "total", "lo", "hi")
                    + where;
        }
        parameters.addAll(filterParameters);
        parameters.add(segment.fromUs());
        parameters.add(segment.toUs());
        boolean grouped = table == Table.RAW || table.granularityUs != widthUs;
        return grouped ? sql + " GROUP BY series_id, b" : sql;
    }

    private static String merged(TelemetryDialect dialect, String n, String total, String lo, String hi) {
        return "CAST(sum(" + n + ") AS BIGINT) AS n, sum(" + total + ") AS total, min(" + lo + ") AS lo, max(" + hi
                + ") AS hi, min(first_us) AS first_us, " + dialect.firstBy("first_value", "first_us")
                + " AS first_value, max(last_us) AS last_us, " + dialect.lastBy("last_value", "last_us")
                + " AS last_value";
    }

    private static String timeColumn(Table table) {
        return table == Table.RAW ? "ts_us" : "bucket_us";
    }
}
