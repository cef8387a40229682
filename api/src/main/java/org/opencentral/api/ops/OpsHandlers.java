package org.opencentral.api.ops;

import io.javalin.http.Context;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code /healthz} and {@code /metrics}. */
public final class OpsHandlers {
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4";

    private final BooleanSupplier ready;
    private final Supplier<String> scrape;

    public OpsHandlers(BooleanSupplier ready, Supplier<String> scrape) {
        this.ready = ready;
        this.scrape = scrape;
    }

    public void health(Context ctx) {
        boolean up = ready.getAsBoolean();
        ctx.status(up ? 200 : 503).contentType("application/json")
                .result(up ? "{\"status\":\"ok\"}" : "{\"status\":\"unavailable\"}");
    }

    public void metrics(Context ctx) {
        ctx.status(200).contentType(PROMETHEUS_CONTENT_TYPE).result(scrape.get());
    }
}
