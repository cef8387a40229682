package org.opencentral.platform.query.sql;

import org.opencentral.core.telemetry.TelemetrySql;

/** The SQL that differs between DuckDB and PostgreSQL: first/last by time, with a FILTER clause. */
enum SqlDialect {
    DUCKDB {
        @Override
        String firstBy(String value, String time, String filter) {
            return "arg_min(" + value + ", " + time + ") FILTER (WHERE " + filter + ")";
        }

        @Override
        String lastBy(String value, String time, String filter) {
            return "arg_max(" + value + ", " + time + ") FILTER (WHERE " + filter + ")";
        }
    },
    POSTGRES {
        @Override
        String firstBy(String value, String time, String filter) {
            return "(array_agg(" + value + " ORDER BY " + time + ") FILTER (WHERE " + filter + "))[1]";
        }

        @Override
        String lastBy(String value, String time, String filter) {
            return "(array_agg(" + value + " ORDER BY " + time + " DESC) FILTER (WHERE " + filter + "))[1]";
        }
    };

    /** The value of the row with the smallest time among the rows passing {@code filter} (SQL we wrote). */
    abstract String firstBy(String value, String time, String filter);

    /** The value of the row with the largest time among the rows passing {@code filter}. */
    abstract String lastBy(String value, String time, String filter);

    static SqlDialect of(TelemetrySql.Dialect dialect) {
        return switch (dialect) {
            case DUCKDB -> DUCKDB;
            case POSTGRES -> POSTGRES;
        };
    }
}
