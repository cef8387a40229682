package org.opencentral.api.templates;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.DEVICES_VIEW;
import static org.opencentral.platform.security.Permission.DEVICE_TEMPLATES_FULL_CONTROL;
import static org.opencentral.platform.security.Permission.DEVICE_TEMPLATES_MANAGE;
import static org.opencentral.platform.security.Permission.DEVICE_TEMPLATES_VIEW;

import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.device.DeviceRegistry;

/** The device-template routes: publishing needs Manage, deleting Full control. */
public final class TemplateRoutes {
    private static final String TEMPLATE = "/api/deviceTemplates/{deviceTemplateId}";

    private TemplateRoutes() {
    }

    public static List<ApiRoute> table(TemplateServices s, DeviceRegistry devices) {
        var templates = new TemplateHandlers(s.templates());
        var issues = new TelemetryIssueHandlers(devices, s);
        return List.of(
                ApiRoute.of(GET, "/api/deviceTemplates", Access.requires(DEVICE_TEMPLATES_VIEW), templates::list,
                        false),
                ApiRoute.of(GET, TEMPLATE, Access.requires(DEVICE_TEMPLATES_VIEW), templates::get, false),
                ApiRoute.of(GET, TEMPLATE + "/model", Access.requires(DEVICE_TEMPLATES_VIEW), templates::model,
                        true),
                ApiRoute.of(PUT, TEMPLATE, Access.requires(DEVICE_TEMPLATES_MANAGE), templates::put, false),
                ApiRoute.of(PATCH, TEMPLATE, Access.requires(DEVICE_TEMPLATES_MANAGE), templates::patch, false),
                ApiRoute.of(DELETE, TEMPLATE, Access.requires(DEVICE_TEMPLATES_FULL_CONTROL), templates::delete,
                        false),
                ApiRoute.of(GET, "/api/devices/{deviceId}/telemetryIssues", Access.onDevice(DEVICES_VIEW),
                        issues::get, true));
    }
}
