package org.opencentral.api.ops;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.opencentral.api.http.OpsRoute;
import org.opencentral.api.http.Route;
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

    /** The rows of {@code /healthz} and {@code /metrics}. */
    public List<Route> routes() {
        return List.of(new OpsRoute("/healthz", this::health), new OpsRoute("/metrics", this::metrics));
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
