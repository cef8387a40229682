package org.opencentral.api.dashboards;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.PUT;

import io.javalin.http.HandlerType;
import java.time.Clock;
import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiHandler;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.dashboard.DashboardAction;
import org.opencentral.platform.dashboard.Dashboards;

/**
 * The dashboard rows of the route table. Each needs the action's application-dashboard or
 * personal-dashboard permission (IoT Central's two catalogue areas); the service checks the one the
 * dashboard at hand needs, within the caller's organizations. Marked as extensions: they are IoT
 * Central's 2022-10-31-preview API, not in the 2022-07-31 document the served document is based on.
 * {@code POST …/data} is OpenCentral's: every tile's data of one refresh ({@code POST /api/dashboards/data}:
 * of the body's unsaved tiles, for the data explorer).
 */
public final class DashboardRoutes {
    public static final String DASHBOARDS = "/api/dashboards";
    static final String DASHBOARD = DASHBOARDS + "/{" + DashboardHandlers.ID + "}";

    private DashboardRoutes() {
    }

    public static List<ApiRoute> table(Dashboards feature, Clock clock) {
        var dashboards = new DashboardHandlers(feature.service());
        var data = new TileDataHandler(feature, clock);
        return List.of(
                route(GET, DASHBOARDS, DashboardAction.VIEW, dashboards::list),
                route(GET, DASHBOARD, DashboardAction.VIEW, dashboards::get),
                route(PUT, DASHBOARD, DashboardAction.CREATE, dashboards::put),
                route(PATCH, DASHBOARD, DashboardAction.UPDATE, dashboards::patch),
                route(DELETE, DASHBOARD, DashboardAction.DELETE, dashboards::delete),
                // A read that takes its input as a body (like POST /api/query): neither audited nor CSRF-checked.
                new ApiRoute(HandlerType.POST, DASHBOARD + "/data", access(DashboardAction.VIEW), data::data, true,
                        false),
                new ApiRoute(HandlerType.POST, DASHBOARDS + "/data", access(DashboardAction.VIEW), data::unsaved, true,
                        false));
    }

    static Access access(DashboardAction action) {
        return Access.requiresAny(action.organization(), action.personal());
    }

    private static ApiRoute route(HandlerType method, String path, DashboardAction action, ApiHandler handler) {
        return ApiRoute.of(method, path, access(action), handler, true);
    }
}
