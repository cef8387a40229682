package org.opencentral.api.http;

import io.javalin.http.HandlerType;
import java.util.Objects;
import org.opencentral.platform.security.Permission;

/** One row of the route table: method, path template, the one permission it needs, and its handler. */
public record ApiRoute(HandlerType method, String path, Permission permission, ApiHandler handler) {
    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(handler, "handler");
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("REST routes live under /api/: " + path);
        }
    }
}
