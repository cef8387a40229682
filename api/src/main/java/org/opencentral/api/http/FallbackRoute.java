package org.opencentral.api.http;

import io.javalin.http.Context;
import java.util.Objects;

/**
 * What answers a request no other row matched, before the API's 404: the web UI's page for a
 * browser's {@code GET} of one of its own addresses (a single-page app routes in the browser).
 * Anonymous: the page itself holds no data.
 */
public record FallbackRoute(Page page) implements PublicRoute {
    /** Answers {@code ctx} and returns true, or returns false to leave it to the 404. */
    @FunctionalInterface
    public interface Page {
        boolean answer(Context ctx);
    }

    public FallbackRoute {
        Objects.requireNonNull(page, "page");
    }

    /** Any path no other row serves. */
    @Override
    public String path() {
        return "/*";
    }
}
