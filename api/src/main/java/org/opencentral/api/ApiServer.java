package org.opencentral.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.AbstractConnector;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.http.Authenticator;
import org.opencentral.api.http.ErrorResponder;
import org.opencentral.api.http.HttpMetrics;
import org.opencentral.api.http.RequestBodies;
import org.opencentral.api.http.RequestIds;
import org.opencentral.api.http.RouteInstaller;
import org.opencentral.api.ops.OpsHandlers;

/**
 * The HTTP server: the REST API under {@code /api}, {@code /healthz} and {@code /metrics}. Handlers
 * run on virtual threads (they call blocking services). {@link #start()} binds and returns the
 * actual port (useful with port 0); {@link #stop()} lets requests in flight finish within the
 * configured stop timeout.
 */
public final class ApiServer implements AutoCloseable {
    /** Long enough for a command's connection plus response timeouts (30 s + 30 s) to elapse. */
    private static final long IDLE_TIMEOUT_MILLIS = 120_000;

    private final ApiConfig config;
    private final Javalin app;
    private final AtomicBoolean stopped = new AtomicBoolean();

    public ApiServer(ApiConfig config, ApiServices services, Operations operations) {
        this.config = Objects.requireNonNull(config, "config");
        List<ApiRoute> table = ApiRoutes.table(services, config);
        var errors = new ErrorResponder(services.clock());
        var installer = new RouteInstaller(new Authenticator(services.tokens()),
                new RequestBodies(config.maxBodyBytes()));
        var ops = new OpsHandlers(operations.ready(), operations.scrape());
        var metrics = new HttpMetrics(operations.registry());
        this.app = Javalin.create(c -> {
            configure(c);
            c.requestLogger.http(metrics::record);
            c.routes.before(RequestIds::assign);
            c.routes.get("/healthz", ops::health);
            c.routes.get("/metrics", ops::metrics);
            installer.install(c.routes, table);
            c.routes.exception(Exception.class, errors::handle);
            c.routes.error(404, errors::unmatched);
            c.routes.error(405, errors::unmatched);
        });
    }

    private void configure(JavalinConfig c) {
        c.concurrency.useVirtualThreads = true;
        c.startup.showJavalinBanner = false;
        c.http.maxRequestSize = config.maxBodyBytes();
        c.http.prefer405over404 = true;
        c.jetty.modifyServer(server -> server.setStopTimeout(config.stopTimeoutMillis()));
    }

    /** Binds to the configured address and port; returns the port actually bound. */
    public int start() {
        app.start(config.host(), config.port());
        for (var connector : app.jettyServer().server().getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(Math.max(c.getIdleTimeout(), IDLE_TIMEOUT_MILLIS));
            }
        }
        return app.port();
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting connections and waits (up to the stop timeout) for requests in flight. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            app.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
