/**
 * The telemetry history port: typed points ({@link org.opencentral.core.telemetry.TelemetryPoint}),
 * raw and bucketed history for charts, aggregates per device over windows, retention, and for the
 * query language typed, engine-neutral plans ({@link org.opencentral.core.telemetry.TelemetryQuery})
 * that the store runs ({@link org.opencentral.core.telemetry.TelemetryQueries}). An
 * embedded (DuckDB) and a production (PostgreSQL) implementation pass one contract suite. Imports
 * only the JDK and the device ids; no JDBC types leak out.
 */
package org.opencentral.core.telemetry;
