package org.opencentral.api.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.http.ApiRoute;

/** Serves the document built from the route table (computed once, on first request). */
public final class OpenApiHandler {
    private final List<ApiRoute> routes;
    private volatile ObjectNode document;

    /** {@code routes} is the complete table, this handler's own route included (read on first use). */
    public OpenApiHandler(List<ApiRoute> routes) {
        this.routes = routes;
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
