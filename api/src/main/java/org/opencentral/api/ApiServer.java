package org.opencentral.api;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.AbstractConnector;
import org.opencentral.api.http.ApiRoute;
import org.opencentral.api.http.Authenticator;
import org.opencentral.api.http.DeviceGuard;
import org.opencentral.api.http.RateLimiter;
import org.opencentral.api.http.ErrorResponder;
import org.opencentral.api.http.HttpMetrics;
import org.opencentral.api.http.RequestBodies;
import org.opencentral.api.http.RequestIds;
import org.opencentral.api.http.RouteInstaller;
import org.opencentral.api.live.LiveFeed;
import org.opencentral.api.live.LiveHandler;
import org.opencentral.api.ui.WebUi;
import org.opencentral.core.event.EventLog;
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
    private final List<ApiRoute> table;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Optional<LiveFeed> live;

    public ApiServer(ApiConfig config, ApiServices services, Operations operations) {
        this(config, services, operations, Optional.empty());
    }

    /**
     * With {@code liveLog}, also serves {@code GET /api/live} (Server-Sent Events tailing that log);
     * the browser UI is served at {@code /} whenever its files are on the class path.
     */
    public ApiServer(ApiConfig config, ApiServices services, Operations operations, Optional<EventLog> liveLog) {
        this.config = Objects.requireNonNull(config, "config");
        this.table = ApiRoutes.table(services, config);
        var errors = new ErrorResponder(services.clock());
        SecurityServices security = services.security();
        var installer = new RouteInstaller(
                new Authenticator(security.tokens(), security.sessions(), security.roles()),
                new RequestBodies(config.maxBodyBytes()), new RateLimiter(config.rateLimit(), services.clock()),
                new DeviceGuard(services.devices()),
                new RouteInstaller.Auditing(security.audit(), security.organizations()));
        var ops = new OpsHandlers(operations.ready(), operations.scrape());
        var metrics = new HttpMetrics(operations.registry());
        this.live = liveLog.map(LiveFeed::start);
        Optional<LiveHandler> liveHandler = live.map(feed -> new LiveHandler(feed, new Authenticator(security.tokens(),
                security.sessions(), security.roles()), services.devices(), security.organizations()));
        Optional<WebUi> ui = WebUi.fromClasspath();
        this.app = Javalin.create(c -> {
            configure(c);
            ui.ifPresent(web -> web.configure(c));
            liveHandler.ifPresent(handler -> c.routes.get("/api/live", handler::handle));
            c.requestLogger.http(metrics::record);
            c.routes.before(RequestIds::assign);
            c.routes.get("/healthz", ops::health);
            c.routes.get("/metrics", ops::metrics);
            installer.install(c.routes, table);
            c.routes.exception(Exception.class, errors::handle);
            c.routes.error(404, ctx -> {
                if (ui.isEmpty() || !ui.get().fallback(ctx)) {
                    errors.unmatched(ctx);
                }
            });
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

    /** The route table this server serves. */
    public List<ApiRoute> routes() {
        return table;
    }

    public int port() {
        return app.port();
    }

    /** Stops accepting connections and waits (up to the stop timeout) for requests in flight. */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            live.ifPresent(LiveFeed::close);
            app.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
