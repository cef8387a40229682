/**
 * Plans a validated {@link org.opencentral.platform.query.Query} as a typed, engine-neutral {@link
 * org.opencentral.core.telemetry.TelemetryQuery} ({@link org.opencentral.platform.query.plan.TelemetryPlanner}):
 * the series it reads, numbered in order of appearance, its devices, time range, aggregation,
 * condition, ordering and limit, and where each output column is in the rows the store returns
 * ({@link org.opencentral.platform.query.plan.Slot}). The telemetry store turns the plan into SQL;
 * nothing here knows a table, a column or a SQL dialect.
 */
package org.opencentral.platform.query.plan;
