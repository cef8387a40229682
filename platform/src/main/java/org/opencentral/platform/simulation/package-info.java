/**
 * Simulated devices: devices created with {@code simulated: true} and a template are driven by the
 * server itself. Values are generated from the template's DTDL schemas and semantic types
 * ({@link org.opencentral.platform.simulation.Generators}); telemetry goes through
 * {@code IngestService}, properties through {@code TwinService}, and desired patches and direct
 * methods reach the device through an in-process {@code DeviceSession}, exactly like a real device.
 * One scheduler thread drives all of them with a bounded amount of work per tick
 * ({@link org.opencentral.platform.simulation.Simulator}). Must not import Netty, Javalin or JDBC.
 */
package org.opencentral.platform.simulation;
