package org.opencentral.core.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Read-only, parameterized SQL over the telemetry schema, for the query language's compiler: the
 * tables {@code series(id, device_id, component, capability)}, {@code telemetry_raw(series_id, ts_us,
 * num, flag, txt)} and the rollups. The compiler writes identifiers of that schema only; every
 * value it writes is a bind parameter ({@link Statement#parameters()}).
 */
public interface TelemetrySql {

    /** The SQL dialect of the engine behind the store. */
    enum Dialect { DUCKDB, POSTGRES }

    /**
     * SQL text with {@code ?} placeholders and their values in order: {@link Long}, {@link Integer},
     * {@link Double}, {@link Boolean}, {@link String}, or a {@link StringList} (bound as a text array).
     */
    record Statement(String sql, List<Object> parameters) {
        public Statement {
            Objects.requireNonNull(sql, "sql");
            parameters = List.copyOf(parameters);
        }
    }

    /** A list of strings bound as one array parameter ({@code = ANY(?)} on PostgreSQL). */
    record StringList(List<String> values) {
        public StringList {
            values = List.copyOf(values);
        }
    }

    Dialect dialect();

    /**
     * A sub-select with the columns {@code series_id, b, n, total, lo, hi, first_us, first_value,
     * last_us, last_value}: partial aggregates of the numeric values of the series matched by
     * {@code seriesFilter} (a condition on {@code series_id}) per epoch-aligned bucket {@code b} of
     * {@code width} within {@code range}. It reads the rollups for the aligned middle of the range,
     * as {@link TelemetryStore#aggregate} does; several rows may share a series and bucket.
     */
    Statement aggregatePartials(Statement seriesFilter, TimeRange range, Duration width);

    /**
     * Runs a query and returns at most {@code maxRows} rows of JDBC values ({@link Long}, {@link
     * Double}, {@link Boolean}, {@link String} or {@code null}). A query still running after
     * {@code timeout} is cancelled: GATEWAY_TIMEOUT.
     */
    List<List<Object>> select(Statement statement, Duration timeout, int maxRows);
}
