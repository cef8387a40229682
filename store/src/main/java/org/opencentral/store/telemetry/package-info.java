/**
 * The telemetry store on DuckDB ({@link org.opencentral.store.telemetry.DuckDbTelemetryStore}) and
 * PostgreSQL ({@link org.opencentral.store.telemetry.PostgresTelemetryStore}) over one set of tables:
 * {@code series} (the dictionary: one small integer id per device, component and capability),
 * {@code telemetry_raw} (series id, time in epoch microseconds, one typed value column set), and the
 * rollups {@code rollup_1m} / {@code rollup_1h} (count, total, min, max, first and last with their
 * times) updated incrementally in the same transaction as each batch. Reads share one SQL builder
 * ({@link org.opencentral.store.telemetry.TelemetryAggregateSql}) with a per-engine {@link
 * org.opencentral.store.telemetry.TelemetryDialect}; every value is a bind parameter. The query
 * language's plans ({@link org.opencentral.core.telemetry.TelemetryQuery}) become SQL here, in
 * {@link org.opencentral.store.telemetry.QuerySql} (rows from a pivot of the raw table, aggregates
 * from the same rollup planner as the history API), and run through {@link
 * org.opencentral.store.telemetry.JdbcTelemetryQueries} (a watchdog cancels statements past their
 * timeout). No other module knows a table or column name. Must not import
 * the state-store or event-log packages.
 */
package org.opencentral.store.telemetry;
