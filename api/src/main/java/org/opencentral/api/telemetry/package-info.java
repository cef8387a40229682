/**
 * {@code GET /api/devices/{deviceId}[/components/{componentName}]/telemetry/{telemetryName}}: the
 * last known value (IoT Central's DeviceTelemetry) from {@link org.opencentral.core.store.LastValueStore};
 * and, as an OpenCentral extension, {@code …/telemetry/{telemetryName}/history}: raw points or
 * min/max-preserving buckets of a window from {@link org.opencentral.core.telemetry.TelemetryStore}.
 */
package org.opencentral.api.telemetry;
