package org.opencentral.api;

import org.opencentral.platform.security.SecurityServices;
import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.*;

import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;
import org.opencentral.api.commands.CommandHandlers;
import org.opencentral.api.components.ComponentHandlers;
import org.opencentral.api.components.ModuleHandlers;
import org.opencentral.api.credentials.CredentialHandlers;
import org.opencentral.api.devices.DeviceHandlers;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiHandler;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.messages.MessageHandlers;
import org.opencentral.api.properties.PropertyHandlers;
import org.opencentral.api.relationships.RelationshipHandlers;
import org.opencentral.api.security.ApiTokenHandlers;
import org.opencentral.api.security.AuditHandlers;
import org.opencentral.api.security.AuthHandlers;
import org.opencentral.api.security.OrganizationHandlers;
import org.opencentral.api.security.RoleHandlers;
import org.opencentral.api.security.UserHandlers;
import org.opencentral.api.telemetry.TelemetryHandlers;
import org.opencentral.platform.organization.AssignmentPolicy;
import org.opencentral.platform.relationship.RelationshipService;
import org.opencentral.platform.security.Permission;

/**
 * The REST rows of the route table: method, path, who may call it (a permission of the catalogue for
 * every resource route, scoped to the device of the path where there is one), its handler, and
 * whether it is an OpenCentral extension. {@link RouteTable} adds the rows of the other kinds.
 */
public final class ApiRoutes {
    private static final String DEVICE = "/api/devices/{deviceId}";
    private static final String COMPONENT = DEVICE + "/components/{componentName}";

    private ApiRoutes() {
    }

    public static List<ApiRoute> table(ApiServices s, ApiConfig config) {
        List<ApiRoute> routes = new ArrayList<>();
        routes.addAll(devices(s, config));
        routes.addAll(structure(s));
        routes.addAll(relationships(s.relationships()));
        routes.addAll(security(s));
        routes.addAll(extensions(s));
        routes.addAll(org.opencentral.api.provisioning.ProvisioningRoutes.table(s.provisioning()));
        routes.addAll(org.opencentral.api.templates.TemplateRoutes.table(s.templates(), s.devices()));
        routes.add(org.opencentral.api.query.QueryRoutes.route(s, config.query()));
        routes.addAll(org.opencentral.api.telemetry.HistoryRoutes.table(s.devices(), s.telemetry(), s.clock()));
        routes.add(org.opencentral.api.telemetry.RawDataHandlers.route(s.devices(), s.rawData()));
        routes.addAll(org.opencentral.api.files.FileRoutes.table(s.devices(), s.files()));
        routes.addAll(org.opencentral.api.groups.GroupRoutes.table(s.groups()));
        routes.addAll(org.opencentral.api.rules.RuleRoutes.table(s.rules()));
        routes.addAll(org.opencentral.api.exports.ExportRoutes.table(s.exports()));
        routes.addAll(org.opencentral.api.jobs.JobRoutes.table(s.jobs()));
        routes.addAll(org.opencentral.api.dashboards.DashboardRoutes.table(s.dashboards(), s.clock()));
        return List.copyOf(routes);
    }

    private static List<ApiRoute> devices(ApiServices s, ApiConfig config) {
        var devices = new DeviceHandlers(s.devices(), s.security().organizations(),
                template -> s.templates().templates().find(template).isPresent());
        var x509 = new org.opencentral.api.provisioning.X509Credentials(s.provisioning().attestations());
        var credentials = new CredentialHandlers(s.devices(), config.idScope(), x509::of);
        var properties = new PropertyHandlers(s.twins(),
                new org.opencentral.api.properties.PropertyModels(s.devices(), s.templates()));
        var commands = new CommandHandlers(s.devices(), s.commands());
        var telemetry = new TelemetryHandlers(s.devices(), s.lastValues());
        var series = new org.opencentral.api.telemetry.SeriesHandlers(s.devices(), s.lastValues(),
                id -> s.templates().modelOf(s.devices(), id).map(m -> m.model()));
        return List.of(
                route(GET, "/api/devices", DEVICES_VIEW, devices::list),
                device(GET, DEVICE, DEVICES_VIEW, devices::get),
                // PUT creates or replaces; creating is the stronger of the two permissions.
                device(PUT, DEVICE, DEVICES_CREATE, devices::put),
                device(PATCH, DEVICE, DEVICES_UPDATE, devices::patch),
                device(DELETE, DEVICE, DEVICES_DELETE, devices::delete),
                device(GET, DEVICE + "/credentials", CONNECTIVITY_READ_INSTANCE, credentials::get),
                device(GET, DEVICE + "/properties", DEVICES_VIEW, properties::get),
                device(PUT, DEVICE + "/properties", DEVICES_UPDATE, properties::put),
                device(PATCH, DEVICE + "/properties", DEVICES_UPDATE, properties::patch),
                device(GET, COMPONENT + "/properties", DEVICES_VIEW, properties::getComponent),
                device(PUT, COMPONENT + "/properties", DEVICES_UPDATE, properties::putComponent),
                device(PATCH, COMPONENT + "/properties", DEVICES_UPDATE, properties::patchComponent),
                device(POST, DEVICE + "/commands/{commandName}", DEVICES_EXECUTE_COMMANDS, commands::run),
                device(GET, DEVICE + "/commands/{commandName}", DEVICES_VIEW, commands::history),
                device(POST, COMPONENT + "/commands/{commandName}", DEVICES_EXECUTE_COMMANDS,
                        commands::runInComponent),
                device(GET, COMPONENT + "/commands/{commandName}", DEVICES_VIEW, commands::historyInComponent),
                device(GET, DEVICE + "/telemetry/{telemetryName}", DEVICES_VIEW, telemetry::get),
                device(GET, COMPONENT + "/telemetry/{telemetryName}", DEVICES_VIEW, telemetry::getInComponent),
                extension(GET, DEVICE + "/telemetry", Access.onDevice(DEVICES_VIEW), series::list));
    }

    /** The components of a device's template, and IoT Edge modules (none yet: module paths answer 404). */
    private static List<ApiRoute> structure(ApiServices s) {
        var components = new ComponentHandlers(id -> {
            s.devices().get(id);
            return s.templates().modelOf(s.devices(), id).map(m -> m.model());
        });
        var modules = new ModuleHandlers(s.devices());
        String module = DEVICE + "/modules/{moduleName}";
        String moduleComponent = module + "/components/{componentName}";
        return List.of(
                device(GET, DEVICE + "/components", DEVICES_VIEW, components::list),
                device(GET, DEVICE + "/modules", DEVICES_VIEW, modules::list),
                device(GET, module + "/components", DEVICES_VIEW, modules::noModule),
                device(GET, module + "/properties", DEVICES_VIEW, modules::noModule),
                device(PUT, module + "/properties", DEVICES_UPDATE, modules::noModule),
                device(PATCH, module + "/properties", DEVICES_UPDATE, modules::noModule),
                device(GET, module + "/telemetry/{telemetryName}", DEVICES_VIEW, modules::noModule),
                device(POST, module + "/commands/{commandName}", DEVICES_EXECUTE_COMMANDS, modules::noModule),
                device(GET, module + "/commands/{commandName}", DEVICES_VIEW, modules::noModule),
                device(GET, moduleComponent + "/properties", DEVICES_VIEW, modules::noModule),
                device(PUT, moduleComponent + "/properties", DEVICES_UPDATE, modules::noModule),
                device(PATCH, moduleComponent + "/properties", DEVICES_UPDATE, modules::noModule),
                device(GET, moduleComponent + "/telemetry/{telemetryName}", DEVICES_VIEW, modules::noModule),
                device(POST, moduleComponent + "/commands/{commandName}", DEVICES_EXECUTE_COMMANDS,
                        modules::noModule),
                device(GET, moduleComponent + "/commands/{commandName}", DEVICES_VIEW, modules::noModule));
    }

    private static List<ApiRoute> relationships(RelationshipService service) {
        var relationships = new RelationshipHandlers(service);
        String relationship = DEVICE + "/relationships/{relationshipId}";
        return List.of(
                device(GET, DEVICE + "/relationships", DEVICES_VIEW, relationships::list),
                device(GET, relationship, DEVICES_VIEW, relationships::get),
                device(PUT, relationship, DEVICES_UPDATE, relationships::put),
                device(PATCH, relationship, DEVICES_UPDATE, relationships::patch),
                device(DELETE, relationship, DEVICES_UPDATE, relationships::delete));
    }

    private static List<ApiRoute> security(ApiServices s) {
        SecurityServices sec = s.security();
        var policy = new AssignmentPolicy(sec.roles(), sec.organizations());
        var roles = new RoleHandlers(sec.roles(), sec.users(), sec.tokens());
        var organizations = new OrganizationHandlers(sec.organizations());
        var users = new UserHandlers(sec.users(), policy);
        var tokens = new ApiTokenHandlers(sec.tokens(), policy);
        return List.of(
                route(GET, "/api/roles", CUSTOM_ROLES_VIEW, roles::list),
                route(GET, "/api/roles/{roleId}", CUSTOM_ROLES_VIEW, roles::get),
                route(GET, "/api/organizations", ORGANIZATIONS_VIEW, organizations::list),
                route(GET, "/api/organizations/{organizationId}", ORGANIZATIONS_VIEW, organizations::get),
                route(PUT, "/api/organizations/{organizationId}", ORGANIZATIONS_CREATE, organizations::put),
                route(PATCH, "/api/organizations/{organizationId}", ORGANIZATIONS_UPDATE, organizations::patch),
                route(DELETE, "/api/organizations/{organizationId}", ORGANIZATIONS_DELETE, organizations::delete),
                route(GET, "/api/users", USERS_VIEW, users::list),
                route(GET, "/api/users/{userId}", USERS_VIEW, users::get),
                route(PUT, "/api/users/{userId}", USERS_ADD, users::put),
                route(PATCH, "/api/users/{userId}", USERS_ADD, users::patch),
                route(DELETE, "/api/users/{userId}", USERS_DELETE, users::delete),
                route(GET, "/api/apiTokens", API_TOKENS_VIEW, tokens::list),
                route(GET, "/api/apiTokens/{tokenId}", API_TOKENS_VIEW, tokens::get),
                route(PUT, "/api/apiTokens/{tokenId}", API_TOKENS_CREATE, tokens::put),
                route(DELETE, "/api/apiTokens/{tokenId}", API_TOKENS_DELETE, tokens::delete));
    }

    /** OpenCentral's own routes, not in IoT Central's 2022-07-31 document. */
    private static List<ApiRoute> extensions(ApiServices s) {
        SecurityServices sec = s.security();
        var roles = new RoleHandlers(sec.roles(), sec.users(), sec.tokens());
        var messages = new MessageHandlers(s.devices(), s.messages());
        var auth = new AuthHandlers(sec.sessions(),
                new org.opencentral.api.http.Authenticator(sec.tokens(), sec.sessions(), sec.roles()));
        var audit = new AuditHandlers(sec.audit());
        return List.of(
                extension(PUT, "/api/roles/{roleId}", Access.requires(CUSTOM_ROLES_CREATE), roles::put),
                extension(DELETE, "/api/roles/{roleId}", Access.requires(CUSTOM_ROLES_DELETE), roles::delete),
                extension(POST, DEVICE + "/messages", Access.onDevice(DEVICES_EXECUTE_COMMANDS), messages::send),
                extension(GET, "/api/auditLogs", Access.requires(AUDIT_LOG_VIEW), audit::list),
                extension(POST, "/api/auth/login", Access.anonymous(), auth::login),
                extension(POST, "/api/auth/logout", Access.authenticated(), auth::logout),
                extension(GET, "/api/auth/me", Access.anonymous(), auth::me));
    }

    private static ApiRoute route(HandlerType method, String path, Permission permission, ApiHandler handler) {
        return ApiRoute.of(method, path, Access.requires(permission), handler, false);
    }

    /** A route of IoT Central's on the device named by {@code {deviceId}}. */
    private static ApiRoute device(HandlerType method, String path, Permission permission, ApiHandler handler) {
        return ApiRoute.of(method, path, Access.onDevice(permission), handler, false);
    }

    private static ApiRoute extension(HandlerType method, String path, Access access, ApiHandler handler) {
        return ApiRoute.of(method, path, access, handler, true);
    }
}
