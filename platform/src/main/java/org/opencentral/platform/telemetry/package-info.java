/**
 * Telemetry views built from the event log: last known values ({@code LastValueProjection}) and the
 * typed telemetry history ({@code TelemetryIndexer}); {@code TelemetryParses} parses each message
 * once for every consumer that reads it ({@code ParsedTelemetry}). No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.telemetry;
