package org.opencentral.api.query;

import io.javalin.http.HandlerType;
import org.opencentral.api.ApiServices;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.templates.TemplateServices;
import org.opencentral.platform.query.service.QueryService;
import org.opencentral.platform.query.service.QuerySettings;

/**
 * The query route, built from the services the API already has: the templates (capability kinds,
 * cloud properties), the registry and twins, and the telemetry store's SQL when there is one
 * (without it, telemetry queries answer 503). Marked as an extension: it is IoT Central's
 * 2022-10-31-preview API, not in the 2022-07-31 document the OpenAPI output is based on. The
 * limits and the statement timeout come from the server's configuration ({@code ApiConfig#query});
 * the REST API's per-caller rate limit applies (IoT Central: 1 query per second per application).
 */
public final class QueryRoutes {
    public static final String PATH = "/api/query";

    private QueryRoutes() {
    }

    public static ApiRoute route(ApiServices s, QuerySettings settings) {
        TemplateServices templates = s.templates();
        QueryService service = new QueryService(
                new QueryService.Sources(templates.templates(), s.devices(), s.twins(), templates.cloudProperties()),
                s.telemetry().queries(), settings, s.clock());
        // A read that takes its input as a body (IoT Central's query API): neither audited nor CSRF-checked.
        return new ApiRoute(HandlerType.POST, PATH, Access.requires(QueryHandlers.PERMISSION),
                new QueryHandlers(service)::run, true, false);
    }
}
