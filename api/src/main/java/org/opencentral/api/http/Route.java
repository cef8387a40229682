package org.opencentral.api.http;

import io.javalin.http.HandlerType;

/**
 * One row of the HTTP server's route table: every route it answers is one, contributed by the
 * feature that owns it, with its access declared on the row. {@link RouteInstaller} installs each
 * kind; the served OpenAPI document is generated from the {@link ApiRoute} and {@link StreamRoute}
 * rows.
 */
public sealed interface Route permits ApiRoute, StreamRoute, PublicRoute {
    HandlerType method();

    /** The path template ({@code {name}} for a parameter). */
    String path();

    Access access();

    /** Whether the row is part of the REST API under {@code /api} (and so of the OpenAPI document). */
    default boolean documented() {
        return switch (this) {
            case ApiRoute r -> true;
            case StreamRoute r -> true;
            case PublicRoute r -> false;
        };
    }
}
