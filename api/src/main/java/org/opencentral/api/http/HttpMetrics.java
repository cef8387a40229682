package org.opencentral.api.http;

import io.javalin.http.Context;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP metrics hook: one timer {@value #NAME} per method, route template and status (a count
 * and a latency distribution). Unmatched paths share the route tag {@code unmatched}, so clients
 * cannot blow up the number of series.
 */
public final class HttpMetrics {
    public static final String NAME = "opencentral.http.server.requests";

    private final MeterRegistry registry;

    public HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(Context ctx, float millis) {
        Timer.builder(NAME)
                .description("REST and operations requests served")
                .tag("method", ctx.method().toString())
                .tag("route", ErrorResponder.routeOf(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record((long) (millis * 1_000_000L), TimeUnit.NANOSECONDS);
    }
}
