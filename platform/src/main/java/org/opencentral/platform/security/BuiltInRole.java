package org.opencentral.platform.security;

import static org.opencentral.platform.security.Permission.*;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.opencentral.core.security.RoleKind;
import org.opencentral.platform.security.Permission.Area;

/**
 * IoT Central's built-in roles with their ids (reference §10.1; the Org Operator and Org Viewer ids
 * are those IoT Central's "manage organizations with the REST API" guide lists). Their permission
 * sets are OpenCentral's reading of the role descriptions over the catalogue, always expanded with
 * {@link PermissionCatalogue}:
 * <ul>
 * <li>App Administrator: everything.
 * <li>App Builder: everything except the Application tab (settings, template export, billing,
 * file upload, API tokens), data export, and changing users, roles and organizations (it may view them).
 * <li>App Operator: monitor and manage devices, device groups and jobs; view templates and rules;
 * personal dashboards.
 * <li>Org Administrator: within its organizations, devices, groups, jobs, users and sub-organizations;
 * no billing, branding, API tokens or enrollment groups (global connectivity).
 * <li>Org Operator: add devices, run commands, view data, dashboards and device groups.
 * <li>Org Viewer: view devices and their data, dashboards, device groups and templates.
 * </ul>
 */
public enum BuiltInRole {
    APP_ADMINISTRATOR("ca310b8d-2f4a-44e0-a36e-957c202cd8d4", "App Administrator", RoleKind.APPLICATION,
            EnumSet.allOf(Permission.class)),
    APP_BUILDER("344138e9-8de4-4497-8c54-5237e96d6aaf", "App Builder", RoleKind.APPLICATION, builder()),
    APP_OPERATOR("ae2c9854-393b-4f97-8c42-479d70ce626e", "App Operator", RoleKind.APPLICATION, EnumSet.of(
            DEVICES_FULL_CONTROL, DEVICE_GROUPS_FULL_CONTROL, JOBS_FULL_CONTROL, DEVICE_TEMPLATES_VIEW, RULES_VIEW,
            CONNECTIVITY_READ_INSTANCE, APP_DASHBOARDS_VIEW, PERSONAL_DASHBOARDS_FULL_CONTROL, HELP_LINKS_VIEW)),
    ORG_ADMINISTRATOR("c495eb57-eb18-489e-9802-62c474e5645c", "Org Administrator", RoleKind.ORGANIZATION, EnumSet.of(
            DEVICES_FULL_CONTROL, DEVICE_GROUPS_FULL_CONTROL, JOBS_FULL_CONTROL, DEVICE_TEMPLATES_VIEW, RULES_VIEW,
            USERS_FULL_CONTROL, ORGANIZATIONS_FULL_CONTROL, APP_DASHBOARDS_FULL_CONTROL,
            PERSONAL_DASHBOARDS_FULL_CONTROL, CONNECTIVITY_MANAGE_INSTANCE)),
    ORG_OPERATOR("b4935647-30e4-4ed3-9074-dcac66c2f8ef", "Org Operator", RoleKind.ORGANIZATION, EnumSet.of(
            DEVICES_CREATE, DEVICES_EXECUTE_COMMANDS, DEVICES_VIEW_RAW_DATA, DEVICE_GROUPS_CREATE, APP_DASHBOARDS_VIEW,
            PERSONAL_DASHBOARDS_FULL_CONTROL)),
    ORG_VIEWER("84cc62c1-dabe-49d3-b16e-8b291232b285", "Org Viewer", RoleKind.ORGANIZATION, EnumSet.of(
            DEVICES_VIEW, DEVICES_VIEW_RAW_DATA, APP_DASHBOARDS_VIEW, DEVICE_GROUPS_VIEW));

    private final String id;
    private final String displayName;
    private final RoleKind kind;
    private final Set<Permission> permissions;

    BuiltInRole(String id, String displayName, RoleKind kind, Set<Permission> permissions) {
        this.id = id;
        this.displayName = displayName;
        this.kind = kind;
        this.permissions = Set.copyOf(PermissionCatalogue.expand(permissions));
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public RoleKind kind() {
        return kind;
    }

    /** The role's permissions, implied ones included. */
    public Set<Permission> permissions() {
        return permissions;
    }

    public Role toRole() {
        return new Role(id, displayName, kind, permissions, true);
    }

    public static Optional<BuiltInRole> byId(String id) {
        for (BuiltInRole role : values()) {
            if (role.id.equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    private static Set<Permission> builder() {
        Set<Permission> all = EnumSet.allOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (List.of(Area.APP_SETTINGS, Area.APP_TEMPLATE_EXPORT, Area.BILLING, Area.FILE_UPLOAD, Area.API_TOKENS,
                    Area.DATA_EXPORT, Area.USERS, Area.CUSTOM_ROLES, Area.ORGANIZATIONS, Area.AUDIT_LOG)
                    .contains(p.area())) {
                all.remove(p);
            }
        }
        all.addAll(List.of(USERS_VIEW, CUSTOM_ROLES_VIEW, ORGANIZATIONS_VIEW));
        return all;
    }
}
