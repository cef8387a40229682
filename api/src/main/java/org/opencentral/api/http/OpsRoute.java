package org.opencentral.api.http;

import io.javalin.http.Handler;
import java.util.Objects;

/**
 * An operations endpoint outside {@code /api} ({@code /healthz}, {@code /metrics}): a {@code GET}
 * for monitoring systems, without credentials or {@code api-version}, not in the OpenAPI document.
 */
public record OpsRoute(String path, Handler handler) implements PublicRoute {
    public OpsRoute {
        Objects.requireNonNull(handler, "handler");
        RoutePaths.requireOutsideApi(path);
    }
}
