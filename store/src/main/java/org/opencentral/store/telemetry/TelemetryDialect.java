package org.opencentral.store.telemetry;

/** The few places where DuckDB and PostgreSQL SQL differ for telemetry reads. */
enum TelemetryDialect {
    DUCKDB {
        @Override
        String firstBy(String value, String time) {
            return "arg_min(" + value + ", " + time + ")";
        }

        @Override
        String lastBy(String value, String time) {
            return "arg_max(" + value + ", " + time + ")";
        }

        @Override
        String firstBy(String value, String time, String filter) {
            return firstBy(value, time) + " FILTER (WHERE " + filter + ")";
        }

        @Override
        String lastBy(String value, String time, String filter) {
            return lastBy(value, time) + " FILTER (WHERE " + filter + ")";
        }
    },
    POSTGRES {
        @Override
        String firstBy(String value, String time) {
            return "(array_agg(" + value + " ORDER BY " + time + "))[1]";
        }

        @Override
        String lastBy(String value, String time) {
            return "(array_agg(" + value + " ORDER BY " + time + " DESC))[1]";
        }

        @Override
        String firstBy(String value, String time, String filter) {
            return "(array_agg(" + value + " ORDER BY " + time + ") FILTER (WHERE " + filter + "))[1]";
        }

        @Override
        String lastBy(String value, String time, String filter) {
            return "(array_agg(" + value + " ORDER BY " + time + " DESC) FILTER (WHERE " + filter + "))[1]";
        }
    };

    /** The aggregate: {@code value} of the row with the smallest {@code time} (column names only). */
    abstract String firstBy(String value, String time);

    /** The aggregate: {@code value} of the row with the largest {@code time} (column names only). */
    abstract String lastBy(String value, String time);

    /** {@link #firstBy(String, String)} over the rows passing {@code filter} (SQL the builders wrote). */
    abstract String firstBy(String value, String time, String filter);

    /** {@link #lastBy(String, String)} over the rows passing {@code filter}. */
    abstract String lastBy(String value, String time, String filter);
}
