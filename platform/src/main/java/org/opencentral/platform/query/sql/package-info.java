/**
 * Compiles a validated {@link org.opencentral.platform.query.Query} into one parameterized SQL
 * statement over the telemetry schema ({@link org.opencentral.core.telemetry.TelemetrySql}), for
 * DuckDB and PostgreSQL alike: {@link org.opencentral.platform.query.sql.SqlCompiler} with the few
 * engine differences in {@link org.opencentral.platform.query.sql.SqlDialect}. Identifiers come only
 * from the schema and from indexes the compiler numbers itself; every value of the query (names,
 * literals, device ids, times) is a bind parameter. Owns no I/O: no JDBC here.
 */
package org.opencentral.platform.query.sql;
