/**
 * {@code GET /api/devices/{deviceId}[/components/{componentName}]/telemetry/{telemetryName}}: the
 * last known value (IoT Central's DeviceTelemetry) from {@link org.opencentral.core.store.LastValueStore}.
 */
package org.opencentral.api.telemetry;
