package org.opencentral.api.http;

/** The checks rows make of their path and declared access once, when the table is built. */
final class RoutePaths {
    private static final String API = "/api";
    private static final String DEVICE_PARAMETER = "{deviceId}";

    private RoutePaths() {
    }

    static void requireUnderApi(String path) {
        if (!path.startsWith(API + "/")) {
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

    static void requireOutsideApi(String path) {
        if (!path.startsWith("/") || path.equals(API) || path.startsWith(API + "/")) {
            throw new IllegalArgumentException("only REST and stream routes live under /api: " + path);
        }
    }
}
