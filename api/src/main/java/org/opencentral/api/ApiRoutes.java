package org.opencentral.api;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.DEVICES_CREATE;
import static org.opencentral.platform.security.Permission.DEVICES_DELETE;
import static org.opencentral.platform.security.Permission.DEVICES_EXECUTE_COMMANDS;
import static org.opencentral.platform.security.Permission.DEVICES_READ;
import static org.opencentral.platform.security.Permission.DEVICES_UPDATE;
import static org.opencentral.platform.security.Permission.DEVICE_CREDENTIALS_READ;

import io.javalin.http.HandlerType;
import java.util.List;
import org.opencentral.api.commands.CommandHandlers;
import org.opencentral.api.credentials.CredentialHandlers;
import org.opencentral.api.devices.DeviceHandlers;
import org.opencentral.api.http.ApiHandler;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.messages.MessageHandlers;
import org.opencentral.api.properties.PropertyHandlers;
import org.opencentral.api.telemetry.TelemetryHandlers;
import org.opencentral.platform.security.Permission;

/** The one table of REST routes: method, path, the permission each requires, and its handler. */
public final class ApiRoutes {
    private static final String DEVICE = "/api/devices/{deviceId}";
    private static final String COMPONENT = DEVICE + "/components/{componentName}";

    private ApiRoutes() {
    }

    public static List<ApiRoute> table(ApiServices s, ApiConfig config) {
        var devices = new DeviceHandlers(s.devices());
        var credentials = new CredentialHandlers(s.devices(), config.idScope());
        var properties = new PropertyHandlers(s.twins());
        var commands = new CommandHandlers(s.devices(), s.commands());
        var telemetry = new TelemetryHandlers(s.devices(), s.lastValues());
        var messages = new MessageHandlers(s.devices(), s.messages());
        return List.of(
                route(GET, "/api/devices", DEVICES_READ, devices::list),
                route(GET, DEVICE, DEVICES_READ, devices::get),
                // PUT creates or replaces; creating is the stronger of the two permissions.
                route(PUT, DEVICE, DEVICES_CREATE, devices::put),
                route(PATCH, DEVICE, DEVICES_UPDATE, devices::patch),
                route(DELETE, DEVICE, DEVICES_DELETE, devices::delete),
                route(GET, DEVICE + "/credentials", DEVICE_CREDENTIALS_READ, credentials::get),
                route(GET, DEVICE + "/properties", DEVICES_READ, properties::get),
                route(PUT, DEVICE + "/properties", DEVICES_UPDATE, properties::put),
                route(PATCH, DEVICE + "/properties", DEVICES_UPDATE, properties::patch),
                route(GET, COMPONENT + "/properties", DEVICES_READ, properties::getComponent),
                route(PUT, COMPONENT + "/properties", DEVICES_UPDATE, properties::putComponent),
                route(PATCH, COMPONENT + "/properties", DEVICES_UPDATE, properties::patchComponent),
                route(POST, DEVICE + "/commands/{commandName}", DEVICES_EXECUTE_COMMANDS, commands::run),
                route(GET, DEVICE + "/commands/{commandName}", DEVICES_READ, commands::history),
                route(POST, COMPONENT + "/commands/{commandName}", DEVICES_EXECUTE_COMMANDS,
                        commands::runInComponent),
                route(GET, COMPONENT + "/commands/{commandName}", DEVICES_READ, commands::history),
                route(GET, DEVICE + "/telemetry/{telemetryName}", DEVICES_READ, telemetry::get),
                route(GET, COMPONENT + "/telemetry/{telemetryName}", DEVICES_READ, telemetry::getInComponent),
                route(POST, DEVICE + "/messages", DEVICES_EXECUTE_COMMANDS, messages::send));
    }

    private static ApiRoute route(HandlerType method, String path, Permission permission, ApiHandler handler) {
        return new ApiRoute(method, path, permission, handler);
    }
}
