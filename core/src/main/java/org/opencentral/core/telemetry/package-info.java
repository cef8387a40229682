/**
 * The telemetry history port: typed points ({@link org.opencentral.core.telemetry.TelemetryPoint}),
 * raw and bucketed history for charts, aggregates per device over windows, retention, and for the
 * query language parameterized SQL over the store's tables ({@link org.opencentral.core.telemetry.TelemetrySql}). An
 * embedded (DuckDB) and a production (PostgreSQL) implementation pass one contract suite. Imports
 * only the JDK and the device ids; no JDBC types leak out.
 */
package org.opencentral.core.telemetry;
