/**
 * {@code /api/devices} and {@code /api/devices/{deviceId}}: IoT Central's Device and DeviceCollection
 * shapes over the platform's {@link org.opencentral.platform.device.DeviceRegistry}, with keyset
 * paging and ETag preconditions. No Jetty types beyond {@code org.opencentral.api.http}; no JDBC.
 */
package org.opencentral.api.devices;
