package org.opencentral.api.http;

import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One REST row of the route table: method, path template, who may call it (with the resource scope
 * of its permission), its handler, and whether it is an OpenCentral extension (not in IoT Central's
 * 2022-07-31 document).
 */
public record ApiRoute(HandlerType method, String path, Access access, ApiHandler handler, boolean extension)
        implements Route {
    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        RoutePaths.requireUnderApi(path);
        RoutePaths.requireDeclaredScope(path, access);
    }

    /** Whether the route changes state (and so is audited and CSRF-checked for cookie callers). */
    public boolean changes() {
        if (method == HandlerType.POST && path.equals("/api/query")) {
            return false; // a read that takes its input as a body (IoT Central's query API)
        }
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }
}
