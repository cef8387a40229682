package org.opencentral.api.groups;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.DEVICES_VIEW;
import static org.opencentral.platform.security.Permission.DEVICE_GROUPS_CREATE;
import static org.opencentral.platform.security.Permission.DEVICE_GROUPS_DELETE;
import static org.opencentral.platform.security.Permission.DEVICE_GROUPS_UPDATE;
import static org.opencentral.platform.security.Permission.DEVICE_GROUPS_VIEW;

import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.group.DeviceGroupService;

/**
 * The device group rows of the route table, with IoT Central's device group permissions: view to
 * read, create to PUT (it creates or replaces), update to PATCH, delete to DELETE. The two
 * extensions serve the web UI: the preview of an unsaved filter (matching devices within the
 * caller's device scope) and the groups of a device (within its group scope).
 */
public final class GroupRoutes {
    public static final String GROUPS = "/api/deviceGroups";
    private static final String GROUP = GROUPS + "/{" + GroupHandlers.ID + "}";

    private GroupRoutes() {
    }

    public static List<ApiRoute> table(DeviceGroupService service) {
        var groups = new GroupHandlers(service);
        return List.of(
                ApiRoute.of(GET, GROUPS, Access.requires(DEVICE_GROUPS_VIEW), groups::list, false),
                ApiRoute.of(GET, GROUP, Access.requires(DEVICE_GROUPS_VIEW), groups::get, false),
                ApiRoute.of(PUT, GROUP, Access.requires(DEVICE_GROUPS_CREATE), groups::put, false),
                ApiRoute.of(PATCH, GROUP, Access.requires(DEVICE_GROUPS_UPDATE), groups::patch, false),
                ApiRoute.of(DELETE, GROUP, Access.requires(DEVICE_GROUPS_DELETE), groups::delete, false),
                ApiRoute.of(GET, GROUP + "/devices", Access.requires(DEVICE_GROUPS_VIEW), groups::devices, false),
                ApiRoute.of(GET, "/api/deviceGroupPreview", Access.requires(DEVICE_GROUPS_VIEW), groups::preview,
                        true),
                ApiRoute.of(GET, "/api/devices/{deviceId}/deviceGroups", Access.onDevice(DEVICES_VIEW),
                        groups::ofDevice, true));
    }
}
