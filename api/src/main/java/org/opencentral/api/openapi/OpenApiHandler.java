package org.opencentral.api.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.HandlerType;
import java.util.List;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.Access;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.http.Route;

/** Serves the document built from the route table (computed once, on first request). */
public final class OpenApiHandler {
    public static final String PATH = "/api/openapi.json";

    private final List<Route> routes;
    private volatile ObjectNode document;

    /** {@code routes} is the complete table, this handler's own route included (read on first use). */
    public OpenApiHandler(List<Route> routes) {
        this.routes = routes;
    }

    /** The document's own row, describing {@code routes} (the complete table, read on first request). */
    public static ApiRoute route(List<Route> routes) {
        return ApiRoute.of(HandlerType.GET, PATH, Access.anonymous(), new OpenApiHandler(routes)::get, true);
    }

    public void get(ApiCall call) {
        ObjectNode doc = document;
        if (doc == null) {
            doc = OpenApiDocument.of(routes);
            document = doc;
        }
        call.json(200, doc);
    }
}
