package org.opencentral.api.http;

import io.javalin.http.HandlerType;

/**
 * The rows outside the REST API that anybody may {@code GET}: operations endpoints, the UI's files
 * and its page. Not in the OpenAPI document.
 */
public sealed interface PublicRoute extends Route permits OpsRoute, StaticRoute, FallbackRoute {
    @Override
    default HandlerType method() {
        return HandlerType.GET;
    }

    @Override
    default Access access() {
        return Access.anonymous();
    }
}
