package org.opencentral.api.http;

import java.util.Objects;

/**
 * Files of a class-path {@code directory} served as they are under {@code path} (the web UI's
 * pages and assets), to anybody, with the given {@code Cache-Control}.
 */
public record StaticRoute(String path, String directory, String cacheControl) implements PublicRoute {
    public StaticRoute {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(cacheControl, "cacheControl");
        RoutePaths.requireOutsideApi(path);
    }
}
