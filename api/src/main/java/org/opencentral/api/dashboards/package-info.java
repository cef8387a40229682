/**
 * The dashboard routes ({@code /api/dashboards}, IoT Central's 2022-10-31-preview shapes, plus the
 * extension member {@code personal} on PUT) and the extension {@code POST /api/dashboards/{id}/data}
 * that answers every tile's data at once. Handlers translate JSON and call
 * {@link org.opencentral.platform.dashboard.DashboardService}.
 */
package org.opencentral.api.dashboards;
