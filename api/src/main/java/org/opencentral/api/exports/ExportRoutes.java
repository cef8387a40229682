package org.opencentral.api.exports;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;
import static org.opencentral.platform.security.Permission.DATA_EXPORT_CREATE;
import static org.opencentral.platform.security.Permission.DATA_EXPORT_DELETE;
import static org.opencentral.platform.security.Permission.DATA_EXPORT_UPDATE;
import static org.opencentral.platform.security.Permission.DATA_EXPORT_VIEW;

import io.javalin.http.HandlerType;
import java.util.List;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiHandler;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.platform.export.ExportService;
import org.opencentral.platform.security.Permission;

/**
 * The data export routes. PUT creates or replaces (creating is the stronger permission), PATCH needs
 * update, DELETE delete, reads view; trying a transform needs create (who may make exports). Marked as
 * extensions: they are IoT Central's 2022-10-31-preview API (and "try it", OpenCentral's own), not in
 * the 2022-07-31 document the served OpenAPI document is based on.
 */
public final class ExportRoutes {
    public static final String EXPORTS = "/api/dataExport/exports";
    public static final String DESTINATIONS = "/api/dataExport/destinations";
    public static final String TRY_TRANSFORM = "/api/dataExport/transforms/try";
    public static final String METRICS = "/api/dataExport/metrics";
    /** OpenCentral's own routes under /api/dataExport, not in IoT Central's preview document. */
    public static final java.util.Set<String> OWN = java.util.Set.of(TRY_TRANSFORM, METRICS);
    private static final String EXPORT = EXPORTS + "/{exportId}";
    private static final String DESTINATION = DESTINATIONS + "/{destinationId}";

    private ExportRoutes() {
    }

    public static List<ApiRoute> table(ExportService service) {
        var exports = new ExportHandlers(service);
        var destinations = new DestinationHandlers(service);
        var transforms = new TransformHandlers(service);
        return List.of(
                route(GET, EXPORTS, DATA_EXPORT_VIEW, exports::list),
                route(GET, EXPORT, DATA_EXPORT_VIEW, exports::get),
                route(PUT, EXPORT, DATA_EXPORT_CREATE, exports::put),
                route(PATCH, EXPORT, DATA_EXPORT_UPDATE, exports::patch),
                route(DELETE, EXPORT, DATA_EXPORT_DELETE, exports::delete),
                route(GET, EXPORT + "/destinations", DATA_EXPORT_VIEW, destinations::listOfExport),
                route(GET, DESTINATIONS, DATA_EXPORT_VIEW, destinations::list),
                route(GET, DESTINATION, DATA_EXPORT_VIEW, destinations::get),
                route(PUT, DESTINATION, DATA_EXPORT_CREATE, destinations::put),
                route(PATCH, DESTINATION, DATA_EXPORT_UPDATE, destinations::patch),
                route(DELETE, DESTINATION, DATA_EXPORT_DELETE, destinations::delete),
                route(GET, DESTINATION + "/exports", DATA_EXPORT_VIEW, exports::listOfDestination),
                route(GET, METRICS, DATA_EXPORT_VIEW, exports::metrics),
                // runs a transform on a sample; it changes nothing, so it is neither audited nor CSRF-checked
                new ApiRoute(POST, TRY_TRANSFORM, Access.requires(DATA_EXPORT_CREATE), transforms::tryTransform, true,
                        false));
    }

    private static ApiRoute route(HandlerType method, String path, Permission permission, ApiHandler handler) {
        return ApiRoute.of(method, path, Access.requires(permission), handler, true);
    }
}
