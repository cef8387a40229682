/**
 * The REST API in IoT Central's shapes ({@code api-version=2022-07-31}, and {@code 2022-10-31-preview}
 * accepted), on Javalin 7 / Jetty 12 with virtual-thread handlers. {@link org.opencentral.api.ApiServer}
 * is the module's entry point; {@link org.opencentral.api.RouteTable} is the one table of every route
 * it answers (REST rows from {@link org.opencentral.api.ApiRoutes} and the features' own tables, the
 * live stream, operations, the UI), each row declaring who may call it. Capability packages ({@code devices}, {@code properties},
 * {@code commands}, {@code telemetry}, {@code credentials}, {@code messages}) hold the handlers and
 * their JSON mapping; {@code http} the shared pieces; {@code ops} {@code /healthz} and {@code /metrics}.
 *
 * <p>OpenCentral extensions beyond IoT Central's API: {@code POST /api/devices/{deviceId}/messages}
 * (cloud-to-device messages, see {@link org.opencentral.api.messages}); {@code GET
 * /api/devices/{deviceId}/rawData} (a device's stored messages, newest first, see
 * {@link org.opencentral.api.telemetry}); {@code desiredVersion} in the
 * 202 answers of property writes; {@code connected} and {@code lastActivity} in device-list
 * {@code $filter}/{@code $orderby} (see {@link org.opencentral.api.odata}); {@code simulationInterval}
 * in the device body (see {@link org.opencentral.api.devices.DeviceJson}). Not supported yet, and
 * answered as such rather than ignored: {@code $filter}/{@code $orderby} on other lists (400).
 *
 * <p>Must not import store, transport or Netty code: it talks only to platform services.
 */
package org.opencentral.api;
