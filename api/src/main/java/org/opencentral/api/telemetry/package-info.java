/**
 * {@code GET /api/devices/{deviceId}[/components/{componentName}]/telemetry/{telemetryName}}: the
 * last known value (IoT Central's DeviceTelemetry) from {@link org.opencentral.core.store.LastValueStore};
 * and, as an OpenCentral extension, {@code …/telemetry/{telemetryName}/history}: raw points or
 * min/max-preserving buckets of a window from {@link org.opencentral.core.telemetry.TelemetryStore};
 * and, as an extension, {@code GET /api/devices/{deviceId}/telemetry}: the series a device has sent,
 * from the last-value store, each marked modeled or not by the device's template; and, as an
 * extension, {@code GET /api/devices/{deviceId}/rawData}: the device's stored messages, newest
 * first, from the event log ({@link org.opencentral.platform.telemetry.RawMessages}).
 */
package org.opencentral.api.telemetry;
