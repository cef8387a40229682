package org.opencentral.platform.security;

import java.util.Locale;
import java.util.Optional;

/**
 * IoT Central's custom-role permission catalogue (reference §10.2), one constant per checkbox.
 * Each belongs to an {@link Area}; its wire name ({@code area.action}, e.g. {@code devices.executeCommands})
 * is how custom roles store and show it. What a permission implies lives in {@link PermissionCatalogue}.
 */
public enum Permission {
    DEVICE_TEMPLATES_VIEW(Area.DEVICE_TEMPLATES, "view"),
    DEVICE_TEMPLATES_MANAGE(Area.DEVICE_TEMPLATES, "manage"),
    DEVICE_TEMPLATES_FULL_CONTROL(Area.DEVICE_TEMPLATES, "fullControl"),
    DEVICES_VIEW(Area.DEVICES, "view"),
    DEVICES_UPDATE(Area.DEVICES, "update"),
    DEVICES_CREATE(Area.DEVICES, "create"),
    DEVICES_DELETE(Area.DEVICES, "delete"),
    DEVICES_EXECUTE_COMMANDS(Area.DEVICES, "executeCommands"),
    DEVICES_VIEW_RAW_DATA(Area.DEVICES, "viewRawData"),
    DEVICES_VIEW_FILES(Area.DEVICES, "viewUploadedFiles"),
    DEVICES_DELETE_FILES(Area.DEVICES, "deleteUploadedFiles"),
    DEVICES_FULL_CONTROL(Area.DEVICES, "fullControl"),
    DEVICE_GROUPS_VIEW(Area.DEVICE_GROUPS, "view"),
    DEVICE_GROUPS_UPDATE(Area.DEVICE_GROUPS, "update"),
    DEVICE_GROUPS_CREATE(Area.DEVICE_GROUPS, "create"),
    DEVICE_GROUPS_DELETE(Area.DEVICE_GROUPS, "delete"),
    DEVICE_GROUPS_FULL_CONTROL(Area.DEVICE_GROUPS, "fullControl"),
    CONNECTIVITY_READ_INSTANCE(Area.CONNECTIVITY, "readInstance"),
    CONNECTIVITY_MANAGE_INSTANCE(Area.CONNECTIVITY, "manageInstance"),
    CONNECTIVITY_READ_GLOBAL(Area.CONNECTIVITY, "readGlobal"),
    CONNECTIVITY_MANAGE_GLOBAL(Area.CONNECTIVITY, "manageGlobal"),
    CONNECTIVITY_FULL_CONTROL(Area.CONNECTIVITY, "fullControl"),
    DEPLOYMENT_MANIFESTS_READ_INSTANCE(Area.DEPLOYMENT_MANIFESTS, "readInstance"),
    DEPLOYMENT_MANIFESTS_MANAGE_INSTANCE(Area.DEPLOYMENT_MANIFESTS, "manageInstance"),
    DEPLOYMENT_MANIFESTS_READ_GLOBAL(Area.DEPLOYMENT_MANIFESTS, "readGlobal"),
    DEPLOYMENT_MANIFESTS_MANAGE_GLOBAL(Area.DEPLOYMENT_MANIFESTS, "manageGlobal"),
    DEPLOYMENT_MANIFESTS_FULL_CONTROL(Area.DEPLOYMENT_MANIFESTS, "fullControl"),
    JOBS_VIEW(Area.JOBS, "view"),
    JOBS_UPDATE(Area.JOBS, "update"),
    JOBS_CREATE(Area.JOBS, "create"),
    JOBS_DELETE(Area.JOBS, "delete"),
    JOBS_EXECUTE(Area.JOBS, "execute"),
    JOBS_FULL_CONTROL(Area.JOBS, "fullControl"),
    RULES_VIEW(Area.RULES, "view"),
    RULES_UPDATE(Area.RULES, "update"),
    RULES_CREATE(Area.RULES, "create"),
    RULES_DELETE(Area.RULES, "delete"),
    RULES_FULL_CONTROL(Area.RULES, "fullControl"),
    APP_SETTINGS_VIEW(Area.APP_SETTINGS, "view"),
    APP_SETTINGS_UPDATE(Area.APP_SETTINGS, "update"),
    APP_SETTINGS_COPY(Area.APP_SETTINGS, "copy"),
    APP_SETTINGS_DELETE(Area.APP_SETTINGS, "delete"),
    APP_SETTINGS_FULL_CONTROL(Area.APP_SETTINGS, "fullControl"),
    APP_TEMPLATE_EXPORT_VIEW(Area.APP_TEMPLATE_EXPORT, "view"),
    APP_TEMPLATE_EXPORT_EXPORT(Area.APP_TEMPLATE_EXPORT, "export"),
    APP_TEMPLATE_EXPORT_FULL_CONTROL(Area.APP_TEMPLATE_EXPORT, "fullControl"),
    FILE_UPLOAD_VIEW(Area.FILE_UPLOAD, "view"),
    FILE_UPLOAD_MANAGE(Area.FILE_UPLOAD, "manage"),
    FILE_UPLOAD_FULL_CONTROL(Area.FILE_UPLOAD, "fullControl"),
    BILLING_MANAGE(Area.BILLING, "manage"),
    BILLING_FULL_CONTROL(Area.BILLING, "fullControl"),
    AUDIT_LOG_VIEW(Area.AUDIT_LOG, "view"),
    AUDIT_LOG_FULL_CONTROL(Area.AUDIT_LOG, "fullControl"),
    CUSTOM_ROLES_VIEW(Area.CUSTOM_ROLES, "view"),
    CUSTOM_ROLES_UPDATE(Area.CUSTOM_ROLES, "update"),
    CUSTOM_ROLES_CREATE(Area.CUSTOM_ROLES, "create"),
    CUSTOM_ROLES_DELETE(Area.CUSTOM_ROLES, "delete"),
    CUSTOM_ROLES_FULL_CONTROL(Area.CUSTOM_ROLES, "fullControl"),
    USERS_VIEW(Area.USERS, "view"),
    USERS_ADD(Area.USERS, "add"),
    USERS_DELETE(Area.USERS, "delete"),
    USERS_FULL_CONTROL(Area.USERS, "fullControl"),
    ORGANIZATIONS_VIEW(Area.ORGANIZATIONS, "view"),
    ORGANIZATIONS_UPDATE(Area.ORGANIZATIONS, "update"),
    ORGANIZATIONS_CREATE(Area.ORGANIZATIONS, "create"),
    ORGANIZATIONS_DELETE(Area.ORGANIZATIONS, "delete"),
    ORGANIZATIONS_FULL_CONTROL(Area.ORGANIZATIONS, "fullControl"),
    APP_DASHBOARDS_VIEW(Area.APP_DASHBOARDS, "view"),
    APP_DASHBOARDS_UPDATE(Area.APP_DASHBOARDS, "update"),
    APP_DASHBOARDS_CREATE(Area.APP_DASHBOARDS, "create"),
    APP_DASHBOARDS_DELETE(Area.APP_DASHBOARDS, "delete"),
    APP_DASHBOARDS_FULL_CONTROL(Area.APP_DASHBOARDS, "fullControl"),
    PERSONAL_DASHBOARDS_VIEW(Area.PERSONAL_DASHBOARDS, "view"),
    PERSONAL_DASHBOARDS_UPDATE(Area.PERSONAL_DASHBOARDS, "update"),
    PERSONAL_DASHBOARDS_CREATE(Area.PERSONAL_DASHBOARDS, "create"),
    PERSONAL_DASHBOARDS_DELETE(Area.PERSONAL_DASHBOARDS, "delete"),
    PERSONAL_DASHBOARDS_FULL_CONTROL(Area.PERSONAL_DASHBOARDS, "fullControl"),
    BRANDING_VIEW(Area.BRANDING, "view"),
    BRANDING_UPDATE(Area.BRANDING, "update"),
    HELP_LINKS_VIEW(Area.HELP_LINKS, "view"),
    HELP_LINKS_UPDATE(Area.HELP_LINKS, "update"),
    DATA_EXPORT_VIEW(Area.DATA_EXPORT, "view"),
    DATA_EXPORT_UPDATE(Area.DATA_EXPORT, "update"),
    DATA_EXPORT_CREATE(Area.DATA_EXPORT, "create"),
    DATA_EXPORT_DELETE(Area.DATA_EXPORT, "delete"),
    DATA_EXPORT_FULL_CONTROL(Area.DATA_EXPORT, "fullControl"),
    API_TOKENS_VIEW(Area.API_TOKENS, "view"),
    API_TOKENS_CREATE(Area.API_TOKENS, "create"),
    API_TOKENS_DELETE(Area.API_TOKENS, "delete"),
    API_TOKENS_FULL_CONTROL(Area.API_TOKENS, "fullControl");

    /** The catalogue's sections, with IoT Central's labels. */
    public enum Area {
        DEVICE_TEMPLATES("deviceTemplates", "Device templates"),
        DEVICES("devices", "Device instances"),
        DEVICE_GROUPS("deviceGroups", "Device groups"),
        CONNECTIVITY("deviceConnectivity", "Device connectivity management"),
        DEPLOYMENT_MANIFESTS("deploymentManifests", "Edge deployment manifests"),
        JOBS("jobs", "Jobs"),
        RULES("rules", "Rules"),
        APP_SETTINGS("applicationSettings", "Application settings"),
        APP_TEMPLATE_EXPORT("applicationTemplateExport", "Application template export"),
        FILE_UPLOAD("deviceFileUpload", "Device file upload"),
        BILLING("billing", "Billing"),
        AUDIT_LOG("auditLog", "Audit log"),
        CUSTOM_ROLES("customRoles", "Custom roles"),
        USERS("users", "User management"),
        ORGANIZATIONS("organizations", "Organization management"),
        APP_DASHBOARDS("applicationDashboards", "Application dashboards"),
        PERSONAL_DASHBOARDS("personalDashboards", "Personal dashboards"),
        BRANDING("branding", "Branding, favicon and colors"),
        HELP_LINKS("helpLinks", "Help links"),
        DATA_EXPORT("dataExport", "Data export"),
        API_TOKENS("apiTokens", "API tokens");

        private final String wireName;
        private final String label;

        Area(String wireName, String label) {
            this.wireName = wireName;
            this.label = label;
        }

        public String wireName() {
            return wireName;
        }

        public String label() {
            return label;
        }
    }

    private final Area area;
    private final String action;

    Permission(Area area, String action) {
        this.area = area;
        this.action = action;
    }

    public Area area() {
        return area;
    }

    /** {@code area.action}, e.g. {@code devices.executeCommands}: how roles store and show it. */
    public String wireName() {
        return area.wireName() + "." + action;
    }

    /** IoT Central's label, e.g. "Device instances: Execute commands". */
    public String label() {
        String words = action.replaceAll("([A-Z])", " $1").toLowerCase(Locale.ROOT);
        return area.label() + ": " + Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    public boolean isFullControl() {
        return action.equals("fullControl");
    }

    public static Optional<Permission> byWireName(String name) {
        for (Permission p : values()) {
            if (p.wireName().equals(name)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
