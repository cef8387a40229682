package org.opencentral.api.ops;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.opencentral.api.Operations;
import org.opencentral.api.http.OpsRoute;
import org.opencentral.api.http.Route;
import org.opencentral.core.Json;

/**
 * {@code /healthz} and {@code /metrics}. {@code /healthz} answers 503 {@code unavailable} while the
 * node starts or stops, 200 {@code degraded} with its {@code problems} while it serves but cannot do
 * all of its work (a full disk: reads go on, nothing new is acknowledged), and 200 {@code ok}.
 */
public final class OpsHandlers {
    public static final String PROMETHEUS_CONTENT_TYPE = "text/plain; version=0.0.4";

    private final BooleanSupplier ready;
    private final Supplier<List<String>> problems;
    private final Supplier<String> scrape;

    public OpsHandlers(Operations operations) {
        this.ready = operations.ready();
        this.problems = operations.problems();
        this.scrape = operations.scrape();
    }

    /** The rows of {@code /healthz} and {@code /metrics}. */
    public List<Route> routes() {
        return List.of(new OpsRoute("/healthz", this::health), new OpsRoute("/metrics", this::metrics));
    }

    public void health(Context ctx) {
        ctx.contentType("application/json");
        if (!ready.getAsBoolean()) {
            ctx.status(503).result("{\"status\":\"unavailable\"}");
            return;
        }
        List<String> now = problems.get();
        ctx.status(200).result(now.isEmpty() ? "{\"status\":\"ok\"}"
                : Json.write(Map.of("status", "degraded", "problems", now)));
    }

    public void metrics(Context ctx) {
        ctx.status(200).contentType(PROMETHEUS_CONTENT_TYPE).result(scrape.get());
    }
}
