package org.opencentral.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencentral.api.http.Route;
import org.opencentral.api.live.JobLiveHandler;
import org.opencentral.api.live.LiveFeed;
import org.opencentral.api.live.LiveHandler;
import org.opencentral.api.ops.OpsHandlers;
import org.opencentral.api.openapi.OpenApiHandler;
import org.opencentral.api.ui.WebUi;

/**
 * Every route the HTTP server answers, one row each, by feature: the REST API ({@link ApiRoutes}),
 * the live streams (devices, jobs), {@code /healthz} and {@code /metrics}, the web UI's files and page, and the
 * OpenAPI document generated from the rows above it (itself included).
 */
final class RouteTable {
    private RouteTable() {
    }

    static List<Route> of(ApiServices services, ApiConfig config, Optional<LiveFeed> live, OpsHandlers ops,
            Optional<WebUi> ui) {
        List<Route> rows = new ArrayList<>(ApiRoutes.table(services, config));
        live.ifPresent(feed -> rows.add(LiveHandler.route(feed, services.devices())));
        live.ifPresent(feed -> rows.add(JobLiveHandler.route(feed, services.jobs().service())));
        rows.addAll(ops.routes());
        ui.ifPresent(web -> rows.addAll(web.routes()));
        rows.add(OpenApiHandler.route(rows));
        return List.copyOf(rows);
    }
}
