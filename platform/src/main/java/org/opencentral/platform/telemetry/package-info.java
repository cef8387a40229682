/**
 * Telemetry views built from the event log: last known values ({@code LastValueProjection}) and the
 * typed telemetry history ({@code TelemetryIndexer}). No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.telemetry;
