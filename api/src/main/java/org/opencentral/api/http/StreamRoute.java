package org.opencentral.api.http;

import io.javalin.http.HandlerType;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code GET} under {@code /api} answered with a {@code text/event-stream} (Server-Sent Events)
 * that stays open: authenticated, rate-limited, {@code api-version}-checked and authorized like a
 * REST row before {@code handler} runs; the handler opens the stream with
 * {@link ApiCall#eventStream()}. Always an OpenCentral extension.
 *
 * @param summary what the stream carries, for the OpenAPI document
 * @param query the query parameters it takes (name → description), for the OpenAPI document
 */
public record StreamRoute(String path, Access access, ApiHandler handler, String summary,
        Map<String, String> query) implements Route {
    public StreamRoute {
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(summary, "summary");
        query = Map.copyOf(query);
        RoutePaths.requireUnderApi(path);
        RoutePaths.requireDeclaredScope(path, access);
    }

    @Override
    public HandlerType method() {
        return HandlerType.GET;
    }
}
