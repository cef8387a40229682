package org.opencentral.api.http;

import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One REST row of the route table: method, path template, who may call it (with the resource scope
 * of its permission), its handler, whether it is an OpenCentral extension (not in IoT Central's
 * 2022-07-31 document), and whether it changes state (then it is audited and CSRF-checked for
 * cookie callers).
 */
public record ApiRoute(HandlerType method, String path, Access access, ApiHandler handler, boolean extension,
        boolean changes) implements Route {
    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        RoutePaths.requireUnderApi(path);
        RoutePaths.requireDeclaredScope(path, access);
        if (changes && isRead(method)) {
            throw new IllegalArgumentException(method + " " + path + " cannot change state");
        }
    }

    /** A row that changes state unless its method is a read ({@code GET}, {@code HEAD}, {@code OPTIONS}). */
    public static ApiRoute of(HandlerType method, String path, Access access, ApiHandler handler, boolean extension) {
        return new ApiRoute(method, path, access, handler, extension, !isRead(method));
    }

    private static boolean isRead(HandlerType method) {
        return method == HandlerType.GET || method == HandlerType.HEAD || method == HandlerType.OPTIONS;
    }
}
