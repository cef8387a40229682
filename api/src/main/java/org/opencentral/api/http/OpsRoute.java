package org.opencentral.api.http;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * An operations endpoint outside {@code /api} ({@code /healthz}, {@code /metrics}): a {@code GET}
 * for monitoring systems, without credentials or {@code api-version}, not in the OpenAPI document.
 */
public record OpsRoute(String path, Handler handler) implements Route {
    public OpsRoute {
        Objects.requireNonNull(handler, "handler");
        RoutePaths.requireOutsideApi(path);
    }

    @Override
    public HandlerType method() {
        return HandlerType.GET;
    }

    @Override
    public Access access() {
        return Access.anonymous();
    }
}
