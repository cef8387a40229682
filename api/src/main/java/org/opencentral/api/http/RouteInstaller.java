package org.opencentral.api.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;

/**
 * Registers the REST route table with Javalin. Each handler is wrapped so that, in this order, the
 * caller is authenticated (401), {@code api-version} is checked (400) and the route's one
 * permission is required (403) before the handler runs.
 */
public final class RouteInstaller {
    private final Authenticator authenticator;
    private final RequestBodies bodies;

    public RouteInstaller(Authenticator authenticator, RequestBodies bodies) {
        this.authenticator = authenticator;
        this.bodies = bodies;
    }

    public void install(RoutesConfig routes, List<ApiRoute> table) {
        for (ApiRoute route : table) {
            routes.addHttpHandler(route.method(), route.path(), wrap(route));
        }
    }

    private Handler wrap(ApiRoute route) {
        return ctx -> {
            var principal = authenticator.authenticate(header(ctx, "Authorization"));
            ApiVersions.require(Optional.ofNullable(ctx.queryParam("api-version")));
            principal.require(route.permission());
            route.handler().handle(new ApiCall(ctx, principal, bodies));
        };
    }

    private static Optional<String> header(Context ctx, String name) {
        return Optional.ofNullable(ctx.header(name)).filter(v -> !v.isBlank());
    }
}
