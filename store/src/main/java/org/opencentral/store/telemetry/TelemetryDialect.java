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
    };

    /** The aggregate: {@code value} of the row with the smallest {@code time} (column names only). */
    abstract String firstBy(String value, String time);

    /** The aggregate: {@code value} of the row with the largest {@code time} (column names only). */
    abstract String lastBy(String value, String time);
}
