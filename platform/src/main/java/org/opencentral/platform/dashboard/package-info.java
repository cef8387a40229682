/**
 * Dashboards: {@link org.opencentral.platform.dashboard.DashboardService} stores organization and
 * personal dashboards with IoT Central's permissions and checks every tile against the document's
 * tile configurations ({@link org.opencentral.platform.dashboard.TileType}, made of
 * {@code TilePart}s); {@link org.opencentral.platform.dashboard.TileData} answers every tile of a
 * dashboard at once for a shared time range from the telemetry store's rollups, the last known
 * values, the twins, device groups and the ingest's message rate. Imports no Javalin, Netty or JDBC.
 */
package org.opencentral.platform.dashboard;
