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
    private static final String DEVICE_PARAMETER = "{deviceId}";

    public ApiRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        requireUnderApi(path);
        requireDeclaredScope(path, access);
    }

    /** Whether the route changes state (and so is audited and CSRF-checked for cookie callers). */
    public boolean changes() {
        if (method == HandlerType.POST && path.equals("/api/query")) {
            return false; // a read that takes its input as a body (IoT Central's query API)
        }
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    static void requireUnderApi(String path) {
        if (!path.startsWith("/api/")) {
            throw new IllegalArgumentException("REST routes live under /api/: " + path);
        }
    }

    /**
     * A row checks its declaration against its path once, when the table is built: a device-scoped
     * permission needs a {@code {deviceId}} to scope, and a permission on a path naming a device
     * must say so (a row cannot forget the organization check of the device it acts on).
     */
    static void requireDeclaredScope(String path, Access access) {
        if (access instanceof Access.Requires(var permission, var scope)) {
            boolean namesDevice = path.contains(DEVICE_PARAMETER);
            switch (scope) {
                case PATH_DEVICE -> {
                    if (!namesDevice) {
                        throw new IllegalArgumentException(path + " is scoped to {deviceId} but has none");
                    }
                }
                case CALLER -> {
                    if (namesDevice) {
                        throw new IllegalArgumentException(path + " names a device: declare "
                                + permission.wireName() + " with Access.onDevice");
                    }
                }
            }
        }
    }
}
