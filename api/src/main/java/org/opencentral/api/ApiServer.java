package org.opencentral.api;

import org.opencentral.platform.security.SecurityServices;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.opencentral.api.http.Authenticator;
import org.opencentral.api.http.DeviceGuard;
import org.opencentral.api.http.RateLimiter;
import org.opencentral.api.http.ErrorResponder;
import org.opencentral.api.http.HttpMetrics;
import org.opencentral.api.http.RequestBodies;
import org.opencentral.api.http.RequestIds;
import org.opencentral.api.http.Route;
import org.opencentral.api.http.RouteInstaller;
import org.opencentral.api.http.SecurityHeaders;
import org.opencentral.api.http.TunnelledHttps;
import org.opencentral.api.live.LiveFeed;
import org.opencentral.api.ui.WebUi;
import org.opencentral.core.event.EventLog;
import org.opencentral.api.ops.OpsHandlers;

/**
 * The HTTP server: the rows of its {@link RouteTable} (the REST API under {@code /api}, the live
 * stream, {@code /healthz}, {@code /metrics}, the UI). Handlers
 * run on virtual threads (they call blocking services). {@link #start()} binds and returns the
 * actual port (useful with port 0); {@link #stop()} lets requests in flight finish within the
 * configured stop timeout.
 */
public final class ApiServer implements AutoCloseable {
    /** Long enough for a command's connection plus response timeouts (30 s + 30 s) to elapse. */
    private static final long IDLE_TIMEOUT_MILLIS = 120_000;

    private final ApiConfig config;
    private final Javalin app;
    private final List<Route> table;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Optional<LiveFeed> live;
    private volatile TunnelledHttps tunnelled;

    public ApiServer(ApiConfig config, ApiServices services, Operations operations) {
        this(config, services, operations, Optional.empty());
    }

    /**
     * With {@code liveLog}, also serves {@code GET /api/live} (Server-Sent Events tailing that log);
     * the browser UI is served at {@code /} whenever its files are on the class path.
     */
    public ApiServer(ApiConfig config, ApiServices services, Operations operations, Optional<EventLog> liveLog) {
        this.config = Objects.requireNonNull(config, "config");
        var errors = new ErrorResponder(services.clock());
        SecurityServices security = services.security();
        var installer = new RouteInstaller(
                new Authenticator(security.tokens(), security.sessions(), security.roles()),
                new RequestBodies(config.maxBodyBytes()), new RateLimiter(config.rateLimit(), services.clock()),
                new DeviceGuard(services.devices()),
                new RouteInstaller.Auditing(security.audit(), security.organizations()));
        var metrics = new HttpMetrics(operations.registry());
        this.live = liveLog.map(log -> LiveFeed.start(log, services.jobs().changes()));
        this.table = RouteTable.of(services, config, live, new OpsHandlers(operations),
                WebUi.fromClasspath());
        this.app = Javalin.create(c -> {
            configure(c);
            c.requestLogger.http(metrics::record);
            c.routes.before(RequestIds::assign);
            installer.install(c, table, errors::unmatched);
            c.routes.exception(Exception.class, errors::handle);
            c.routes.error(405, errors::unmatched);
        });
    }

    private void configure(JavalinConfig c) {
        c.concurrency.useVirtualThreads = true;
        c.startup.showJavalinBanner = false;
        c.http.maxRequestSize = config.maxBodyBytes();
        c.http.prefer405over404 = true;
        c.jetty.modifyServer(server -> {
            server.setStopTimeout(config.stopTimeoutMillis());
            server.setErrorHandler(SecurityHeaders.errorHandler());
        });
        c.jetty.modifyHttpConfiguration(http -> http.addCustomizer(new SecurityHeaders()));
    }

    /**
     * Binds to the configured address and port (plain HTTP) and opens the in-memory connector for
     * HTTPS connections tunnelled from the device listener ({@link #connectTunnelled()}); returns
     * the port actually bound.
     */
    public int start() {
        app.start(config.host(), config.port());
        Server server = app.jettyServer().server();
        HttpConfiguration plain = null;
        for (var connector : server.getConnectors()) {
            if (connector instanceof AbstractConnector c) {
                c.setIdleTimeout(Math.max(c.getIdleTimeout(), IDLE_TIMEOUT_MILLIS));
                plain = c.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
            }
        }
        try {
            tunnelled = TunnelledHttps.addTo(server, Objects.requireNonNull(plain, "the plain HTTP connector"),
                    IDLE_TIMEOUT_MILLIS);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("cannot open the connector for tunnelled HTTPS", e);
        }
        return app.port();
    }

    /**
     * A new connection for bytes the HTTPS listener decrypted: it expects a PROXY protocol v1 line
     * naming the peer first, then HTTP/1.1 (see {@link TunnelledHttps}). Only once started.
     */
    public EndPoint connectTunnelled() {
        TunnelledHttps https = tunnelled;
        if (https == null || stopped.get()) {
            throw new IllegalStateException("the HTTP server is not running");
        }
        return https.connect();
    }

    /** The route table this server serves, every kind of row. */
    public List<Route> routes() {
        return table;
    }

    /** The method and path of every endpoint Javalin actually serves (what the route table installed). */
    public List<Endpoint> endpoints() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> new Endpoint(parsed.endpoint.method.name(), parsed.endpoint.path)).toList();
    }

    /** One endpoint as Javalin holds it. */
    public record Endpoint(String method, String path) {
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
