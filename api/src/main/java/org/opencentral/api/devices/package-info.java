/**
 * {@code /api/devices} and {@code /api/devices/{deviceId}}: IoT Central's Device and DeviceCollection
 * shapes over the platform's {@link org.opencentral.platform.device.DeviceRegistry}, with keyset
 * paging, {@code $filter}/{@code $orderby} (parsed by {@link org.opencentral.api.odata}, run by the
 * store) and ETag preconditions. No Jetty types beyond {@code org.opencentral.api.http}; no JDBC.
 */
package org.opencentral.api.devices;
