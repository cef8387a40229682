/**
 * Dashboards as the state store keeps them: a {@link org.opencentral.core.dashboard.Dashboard} with
 * its {@link org.opencentral.core.dashboard.Tile}s, and the
 * {@link org.opencentral.core.dashboard.DashboardStore} port. What a tile's configuration may hold is
 * the platform's business ({@code platform.dashboard}); the store keeps it as given. Imports nothing
 * outside {@code java.*}, Jackson's tree model and {@code core}.
 */
package org.opencentral.core.dashboard;
