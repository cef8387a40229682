package org.opencentral.platform.dashboard;

import org.opencentral.platform.security.Permission;

/**
 * What a caller does to a dashboard, with IoT Central's permission for it on an organization
 * ("application") dashboard and on a personal one.
 */
public enum DashboardAction {
    VIEW(Permission.APP_DASHBOARDS_VIEW, Permission.PERSONAL_DASHBOARDS_VIEW),
    CREATE(Permission.APP_DASHBOARDS_CREATE, Permission.PERSONAL_DASHBOARDS_CREATE),
    UPDATE(Permission.APP_DASHBOARDS_UPDATE, Permission.PERSONAL_DASHBOARDS_UPDATE),
    DELETE(Permission.APP_DASHBOARDS_DELETE, Permission.PERSONAL_DASHBOARDS_DELETE);

    private final Permission organization;
    private final Permission personal;

    DashboardAction(Permission organization, Permission personal) {
        this.organization = organization;
        this.personal = personal;
    }

    public Permission organization() {
        return organization;
    }

    public Permission personal() {
        return personal;
    }

    public Permission on(boolean personalDashboard) {
        return personalDashboard ? personal : organization;
    }
}
