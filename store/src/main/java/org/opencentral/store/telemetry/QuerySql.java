package org.opencentral.store.telemetry;

import org.opencentral.core.telemetry.TelemetryQuery;

/**
 * The query language's statements: a {@link TelemetryQuery} plan as one parameterized statement over
 * the telemetry schema, for DuckDB and PostgreSQL alike (the differences are in {@link TelemetryDialect}).
 * Rows read the pivot of the raw table ({@link QueryRowsSql}); aggregates read the rollups when they
 * suffice, else the raw messages ({@link QueryAggregateSql}). Identifiers come only from the schema
 * and from indexes the builders number themselves; every value of the plan is a bind parameter.
 */
final class QuerySql {
    private QuerySql() {
    }

    static SqlStatement compile(TelemetryQuery query, TelemetryDialect dialect) {
        return query.aggregation().isPresent() ? new QueryAggregateSql(query, dialect).compile()
                : QueryRowsSql.compile(query);
    }
}
