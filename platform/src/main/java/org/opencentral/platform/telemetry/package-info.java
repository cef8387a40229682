/**
 * Telemetry views built from the event log: last known values ({@code LastValueProjection}) and the
 * typed telemetry history ({@code TelemetryIndexer}); {@code TelemetryParses} parses each message
 * once for every consumer that reads it ({@code ParsedTelemetry}). {@code RawMessages} reads one
 * device's stored messages back from the log, newest first, for its raw data ({@code RawMessage}:
 * body as text, an error when it is not a JSON object). No Netty, Javalin or JDBC.
 */
package org.opencentral.platform.telemetry;
